// Regular expressions a team writes in seam.config.yaml (`customRules[].patterns`) run over content,
// which is untrusted: a pattern that backtracks catastrophically would let one crafted value stall
// every lint and every build. So a pattern is accepted only in a shape that cannot do that, and the
// text it is tested against is capped:
// - compiled with the `u` flag (strict syntax: no legacy escapes that mean something else);
// - at most MAX_PATTERN_CHARS characters;
// - no backreferences and no lookaround (they defeat the reasoning below);
// - star height one: no group repeated without bound (`*`, `+`, `{n,}`) that itself holds a quantifier
//   or an alternation, the shape of every exponential pattern (`(a+)+`, `(a|a)*`);
// - tested against at most MAX_PATTERN_INPUT characters of a value (a longer value is a finding).
// What remains can still be polynomial (`\d*\d*\d*`), bounded by the input cap.

/** The longest pattern accepted. */
export const MAX_PATTERN_CHARS = 200;

/** The longest value a pattern is tested against. */
export const MAX_PATTERN_INPUT = 1000;

/** Why `source` is not an acceptable pattern, or undefined when it is. */
export function unsafePattern(source: string): string | undefined {
  if (source.length > MAX_PATTERN_CHARS) return `a pattern is at most ${MAX_PATTERN_CHARS} characters`;
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  // One pass over the pattern: each open group records whether it holds a quantifier or an alternation.
  const groups: { risky: boolean }[] = [];
  let inClass = false;
  let lastGroupRisky = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    let closedRiskyGroup = false;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreferences (\\1, \\k<name>) are not allowed';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') {
      if (/^\?<?[=!]/.test(source.slice(i + 1, i + 4))) return 'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not allowed';
      groups.push({ risky: false });
      // A group's prefix (`?:`, `?<name>`) is no quantifier.
      const prefix = /^\?(:|<[^>]*>)/.exec(source.slice(i + 1));
      if (prefix) i += prefix[0].length;
    } else if (c === ')') {
      closedRiskyGroup = groups.pop()?.risky ?? false;
    } else if (c === '|') {
      if (groups.length) groups[groups.length - 1]!.risky = true;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)))) {
      // A `?` right after a quantifier makes it lazy, not another quantifier.
      if (c === '?' && /[*+?}]/.test(source[i - 1] ?? '')) continue;
      // `{n,m}` with a large m repeats as good as without bound.
      const bound = c === '{' ? /^\{\d+(?:,(\d*))?\}/.exec(source.slice(i)) : null;
      const unbounded = c === '*' || c === '+' || (bound?.[1] !== undefined && (bound[1] === '' || Number(bound[1]) > 10));
      if (lastGroupRisky && unbounded) return 'a group repeated without bound may not hold a quantifier or an alternation (like "(a+)+" or "(a|b)*"): such patterns can take exponential time';
      for (const g of groups) g.risky = true;
    }
    lastGroupRisky = closedRiskyGroup;
  }
  return undefined;
}
