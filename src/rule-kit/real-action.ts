// Whether an action written in a record says what is being done. Every rule that requires an action
// (issues, providers, compliance, security, budget's overspend issue) asks this one check, so
// "tbd" is refused the same way everywhere.
import { PLACEHOLDER } from './sections.ts';

/** Answers that fill the field without saying what anyone will do, compared lower-cased without trailing full stops. */
const NON_ANSWERS = new Set(['tbd', 'tbc', 'tba', 'n/a', 'na', 'n.a', 'none', 'to be confirmed', 'to be decided', 'to be determined', 'to be agreed']);

/**
 * Why `text` is not a real action, or undefined when it is one: `missing` when it is absent, empty
 * or only white space; `placeholder` when it is a non-answer (`tbd`, `n/a`, `to be confirmed`, `-`,
 * `?`, punctuation only) or holds a placeholder (`TODO`, `TBD`, `TBC`, `FIXME`, lorem ipsum).
 */
export function notAnAction(text: string | undefined): 'missing' | 'placeholder' | undefined {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return 'missing';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'placeholder';
  const said = trimmed.toLowerCase().replace(/\s+/g, ' ').replace(/[.!…\s]+$/u, '');
  if (NON_ANSWERS.has(said) || PLACEHOLDER.test(trimmed)) return 'placeholder';
  return undefined;
}

/** Whether `text` says what is being done: present, and neither a non-answer nor a placeholder. */
export function isRealAction(text: string | undefined): text is string {
  return notAnAction(text) === undefined;
}
