// Inline disable comments, one syntax in MDX bodies and YAML frontmatter:
//   {/* seam-disable rule-a, rule-b */} … {/* seam-enable rule-a */}   (to the end of the file when not re-enabled)
//   {/* seam-disable-next-line rule */}   # seam-disable-next-line rule   (frontmatter)
//   value  # seam-disable-line rule                                        (frontmatter, same line)
// No rule list means every rule; ` -- ` ends the list and starts a free-text reason. The engine applies
// them; the `directives` rule reports a directive naming a rule that does not exist, which silences nothing.
import type { SourceFile } from '../model/source.ts';
import type { Finding } from './finding.ts';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** The rule ids named, in order; empty for every rule. */
  rules: string[];
  line: number;
  column: number;
}

const MDX_COMMENT = /\{\/\*\s*seam-(disable-next-line|disable-line|disable|enable)\b([^*]*)\*\/\}/g;
const YAML_COMMENT = /#\s*seam-(disable-next-line|disable-line|disable|enable)\b(.*)$/;

/** The file's directives, in order: YAML comments in its frontmatter (or a whole YAML file), MDX comments elsewhere. */
export function findDirectives(source: Pick<SourceFile, 'file' | 'text' | 'hasFrontmatter' | 'yamlOffset' | 'bodyOffset' | 'positionAt'>): Directive[] {
  const yamlLines: [number, number] | undefined = source.hasFrontmatter
    ? [source.positionAt(source.yamlOffset).line, source.positionAt(Math.max(source.yamlOffset, source.bodyOffset - 1)).line]
    : /\.ya?ml$/i.test(source.file) ? [1, Number.POSITIVE_INFINITY] : undefined;
  const directives: Directive[] = [];
  source.text.split('\n').forEach((content, i) => {
    const line = i + 1;
    if (yamlLines && line >= yamlLines[0] && line <= yamlLines[1]) {
      const m = YAML_COMMENT.exec(content);
      if (m) directives.push({ kind: m[1] as Directive['kind'], rules: ruleList(m[2]), line, column: m.index + 1 });
      return;
    }
    for (const m of content.matchAll(MDX_COMMENT)) {
      directives.push({ kind: m[1] as Directive['kind'], rules: ruleList(m[2]), line, column: m.index + 1 });
    }
  });
  return directives;
}

function ruleList(text: string): string[] {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const reason = words.indexOf('--');
  return reason === -1 ? words : words.slice(0, reason);
}

/** Whether `finding` is silenced by the directives of its file. */
export function isSuppressed(finding: Pick<Finding, 'ruleId' | 'line'>, directives: Directive[]): boolean {
  const matches = (d: Directive) => d.rules.length === 0 || d.rules.includes(finding.ruleId);
  let disabled = false;
  for (const d of directives) {
    if (d.line > finding.line) break;
    if (!matches(d)) continue;
    if (d.kind === 'disable') disabled = true;
    else if (d.kind === 'enable') disabled = false;
    else if (d.kind === 'disable-line' && d.line === finding.line) return true;
  }
  if (disabled) return true;
  return directives.some((d) => d.kind === 'disable-next-line' && d.line === finding.line - 1 && matches(d));
}
