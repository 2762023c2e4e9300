// The machine-readable reporter, for scripts and the editor integration: one pretty-printed JSON
// document whose keys always come in the same order, so identical runs give identical bytes.

import { compareFindings, type Finding } from '../../rule-kit/finding.ts';
import type { Reporter } from './index.ts';

export const json: Reporter = (result, context) => {
  const report = {
    version: context.version,
    files: result.files,
    findings: [...result.findings].sort(compareFindings).map(orderedFinding),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    // Only a shard's report has it; `seam merge-reports` checks and drops it.
    ...(result.shard ? { shard: result.shard } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};

/** The finding rebuilt key by key: the object a rule made may have had its keys in any order. */
function orderedFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    ...(f.endLine === undefined ? {} : { endLine: f.endLine }),
    ...(f.endColumn === undefined ? {} : { endColumn: f.endColumn }),
    message: f.message,
    ...(f.fix === undefined ? {} : { fix: f.fix.map(({ start, end, text }) => ({ start, end, text })) }),
  };
}
