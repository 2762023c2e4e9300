// `seam rules`: the rule catalogue, derived from the rules' own metadata (Seam's, the config's custom
// rules and its plugins').
import { describeRules } from '../lint/engine.ts';
import type { IO } from './io.ts';
import { ruleCriterionLabel } from '../rule-kit/rule.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export async function rulesCommand(flags: WorkspaceFlags & { format: 'text' | 'json' | 'markdown' }, io: IO): Promise<number> {
  const rules = describeRules((await openCommandWorkspace(flags, io)).settings);
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
  } else if (flags.format === 'markdown') {
    io.stdout(['| Rule | Severity | Criteria | Checks |', '| --- | --- | --- | --- |', ...rules.map((r) => `| [\`${r.id}\`](${r.url}) | ${r.severity} | ${r.criteria.map(ruleCriterionLabel).join(', ')} | ${r.description} |`)].join('\n') + '\n');
  } else {
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}  [${r.criteria.map(ruleCriterionLabel).join(', ')}]${r.fixable ? ' (fixable)' : ''}\n`);
  }
  return 0;
}
