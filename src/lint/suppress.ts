// Inline disable comments, one syntax in MDX bodies and YAML frontmatter:
//   {/* seam-disable rule-a, rule-b */} … {/* seam-enable rule-a */}   (to the end of the file when not re-enabled)
//   {/* seam-disable-next-line rule */}   # seam-disable-next-line rule   (frontmatter)
//   value  # seam-disable-line rule                                        (frontmatter, same line)
// No rule list means every rule. A directive naming an unknown rule is itself reported.
import type { Finding } from '../rule-kit/finding.ts';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: string[];
  line: number;
  column: number;
}

const MDX_COMMENT = /\{\/\*\s*seam-(disable-next-line|disable-line|disable|enable)\b([^*]*)\*\/\}/g;
const YAML_COMMENT = /#\s*seam-(disable-next-line|disable-line|disable|enable)\b(.*)$/;

/** Finds directives: YAML comments inside [yamlStart, yamlEnd) lines, MDX comments elsewhere. */
export function findDirectives(text: string, frontmatterLines: [number, number] | undefined): Directive[] {
  const directives: Directive[] = [];
  const lines = text.split('\n');
  lines.forEach((content, i) => {
    const line = i + 1;
    if (frontmatterLines && line >= frontmatterLines[0] && line <= frontmatterLines[1]) {
      const m = YAML_COMMENT.exec(content);
      if (m) directives.push({ kind: m[1] as Directive['kind'], rules: ruleList(m[2]), line, column: m.index + 1 });
      return;
    }
    for (const m of content.matchAll(MDX_COMMENT)) {
      directives.push({ kind: m[1] as Directive['kind'], rules: ruleList(m[2]), line, column: m.index! + 1 });
    }
  });
  return directives;
}

function ruleList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean).filter((s) => s !== '--');
}

/** Whether `finding` is silenced by the directives of its file. */
export function isSuppressed(finding: Finding, directives: Directive[]): boolean {
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
