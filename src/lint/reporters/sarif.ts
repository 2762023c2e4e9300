// The SARIF 2.1.0 reporter, for GitHub code scanning (`upload-sarif`) and other SARIF viewers. Output
// is byte-identical for identical input: no timestamps, no absolute paths beyond the repository root.

import { createHash } from 'node:crypto';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { parseCriterionRef } from '../../model/criterion-ids.ts';
import { compareFindings, type Finding, type RuleDescriptor } from '../../rule-kit/finding.ts';
import { ruleCriterionKey } from '../../rule-kit/rule.ts';
import { repositoryUri } from './format.ts';
import type { Reporter } from './index.ts';

const SRCROOT = '%SRCROOT%';

export const sarif: Reporter = (result, context) => {
  const rules = catalogue(result.rules, result.findings, context.informationUri);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const occurrences = new Map<string, number>();

  const results = [...result.findings].sort(compareFindings).map((finding): Result => {
    const hash = fingerprint(finding);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: finding.message },
      locations: [location(finding)],
      // Not line-dependent, so moving text does not open a new alert; the counter keeps two identical
      // findings in one file apart (as GitHub's own `primaryLocationLineHash` does).
      partialFingerprints: { primaryLocationLineHash: `${hash}:${occurrence}` },
    };
  });

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Seam',
            version: context.version,
            informationUri: context.informationUri,
            rules: rules.map(reportingDescriptor),
          },
        },
        originalUriBaseIds: {
          // No absolute uri: the same content gives byte-identical SARIF in any checkout; consumers such as
          // GitHub code scanning resolve %SRCROOT% to the repository root themselves.
          [SRCROOT]: { description: { text: 'The repository root.' } },
        },
        results,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        // Only a shard's report has it; `seam merge-reports` checks and drops it.
        ...(result.shard ? { properties: { seamShard: result.shard } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * The rule catalogue, plus a stub for any rule id that has findings but no descriptor, so every result
 * has a `ruleIndex` (some SARIF consumers reject results whose rule is not in `driver.rules`).
 */
function catalogue(rules: RuleDescriptor[], findings: Finding[], informationUri: string): RuleDescriptor[] {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = [...new Set(findings.map((f) => f.ruleId).filter((id) => !known.has(id)))].sort();
  return [
    ...rules,
    ...unknown.map((id): RuleDescriptor => ({
      id,
      description: `Findings reported as \`${id}\`.`,
      criteria: [],
      severity: 'warning',
      docs: '',
      url: informationUri,
      fixable: false,
    })),
  ];
}

function reportingDescriptor(rule: RuleDescriptor): ReportingDescriptor {
  const criteria = rule.criteria.length > 0 ? ` Protects ${protectedCriteria(rule.criteria)}.` : '';
  const docs = rule.docs.trim() || rule.description;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}${criteria}` },
    help: {
      text: docs,
      markdown: rule.url ? `${docs}\n\n[Documentation for \`${rule.id}\`](${rule.url})` : docs,
    },
    ...(rule.url ? { helpUri: rule.url } : {}),
    defaultConfiguration:
      rule.severity === 'off' ? { enabled: false, level: 'none' } : { level: rule.severity },
    properties: {
      tags: [...new Set(rule.criteria.map(ruleCriterionKey))],
      'problem.severity': rule.severity === 'off' ? 'recommendation' : rule.severity,
    },
  };
}

/** `eskitp5045:P5`, `eskitp5045:K3`, `sp800-53-low:cm-3` → `ESKITP5045 P5, K3; SP800-53-LOW cm-3`: each criterion with its standard. */
function protectedCriteria(criteria: string[]): string {
  const byStandard = new Map<string, string[]>();
  for (const key of criteria.map(ruleCriterionKey)) {
    const { standard, local } = parseCriterionRef(key);
    byStandard.set(standard!, [...(byStandard.get(standard!) ?? []), local]);
  }
  return [...byStandard].map(([standard, ids]) => `${standard.toUpperCase()} ${ids.join(', ')}`).join('; ');
}

function location(f: Finding): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: repositoryUri(f.file), uriBaseId: SRCROOT },
      region: {
        startLine: f.line,
        startColumn: f.column,
        ...(f.endLine === undefined ? {} : { endLine: f.endLine }),
        ...(f.endColumn === undefined ? {} : { endColumn: f.endColumn }),
      },
    },
  };
}

/** sha256 of what identifies a finding regardless of where in the file it now sits. */
function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.ruleId}\0${f.file}\0${f.message}`).digest('hex');
}

/** `no-dangling-link` → `NoDanglingLink`: SARIF's `name` is meant to read as an identifier. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}
