// Stakeholder ids in a project record's facts (`owner: sarah-lindqvist`) shown as the person's name,
// linking to their row in the project's stakeholder register. Which fields hold stakeholder ids comes
// from the model's reference table, so the site and the `references` rule agree.
import { factPath, referenceFieldsOf } from '../../model/references.ts';

/** Fact paths (`issues.owner`, dotted, no array markers) that hold stakeholder ids, for a record type. */
export function stakeholderPaths(type: string): Set<string> {
  return new Set(
    referenceFieldsOf(type)
      .filter(([, target]) => target === 'stakeholder')
      .flatMap(([pattern]) => factPath(pattern) ?? []),
  );
}

/**
 * A fact linker for stakeholder ids: the name, a link to the register's row, the id on hover.
 * `registerHref` is the project's stakeholder register page; `names` its people by id.
 */
export function stakeholderLinker(type: string, names: Map<string, string>, registerHref: string) {
  const paths = stakeholderPaths(type);
  return (path: string, value: string): { href: string; text: string; hint: string } | undefined => {
    const name = paths.has(path) ? names.get(value) : undefined;
    return name === undefined ? undefined : { href: `${registerHref}#stakeholder-${value}`, text: name, hint: value };
  };
}
