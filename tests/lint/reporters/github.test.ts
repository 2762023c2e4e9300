import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/rule-kit/finding.ts';
import {
  appendGithubSummary,
  escapeData,
  escapeProperty,
  github,
  githubSummary,
} from '../../../src/lint/reporters/github.ts';
import { context, emptyResult, sampleResult } from './sample.ts';

/** The summary as GitHub reads it: GitHub Flavored Markdown. */
const markdown = (text: string): Root => unified().use(remarkParse).use(remarkGfm).parse(text);

/** The text each cell of the findings table renders as, row by row (header left out). */
function renderedCells(summary: string): string[][] {
  const table = markdown(summary).children.find((n): n is Table => n.type === 'table');
  return (table?.children ?? []).slice(1).map((row) => row.children.map((c) => toString(c)));
}

describe('github reporter: workflow commands', () => {
  it('writes one annotation per finding, ::error or ::warning, in report order', () => {
    expect(github(sampleResult(), context)).toBe(
      [
        '::error file=content/plans/q3 budget.md,line=12,col=3,endLine=12,endColumn=30,title=seam(budget)' +
          '::Over by 12%25 in Q3: staff, travel | kit%0ASee Café «Zürich» ✓',
        '::warning file=content/plans/q3 budget.md,line=108,col=15,title=seam(dangling-reference)' +
          '::Unknown record `hr`.',
        // Spans lines 1–3: GitHub refuses columns on a multi-line annotation, so they are left out.
        '::error file=content/systems/crm.md,line=1,endLine=3,title=seam(owner-required)' +
          '::System has no owner. Add `owner:` to the front matter.',
        '::warning file=content/systems/crm.md,line=4,col=9,endLine=4,endColumn=21,title=seam(dangling-reference)' +
          '::Unknown record `acme-old`. Did you mean `acme`?',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean run', () => {
    expect(github(emptyResult(), context)).toBe('');
  });

  it('escapes a message as the toolkit does: % CR LF only', () => {
    expect(escapeData('%')).toBe('%25');
    expect(escapeData('\r')).toBe('%0D');
    expect(escapeData('\n')).toBe('%0A');
    expect(escapeData(':')).toBe(':');
    expect(escapeData(',')).toBe(',');
    expect(escapeData('|')).toBe('|');
    expect(escapeData('Zürich ✓')).toBe('Zürich ✓');
    // % first, so an escape is never escaped twice.
    expect(escapeData('%0A\r\n')).toBe('%250A%0D%0A');
  });

  it('escapes a property as the toolkit does: also : and ,', () => {
    expect(escapeProperty('%')).toBe('%25');
    expect(escapeProperty('\r')).toBe('%0D');
    expect(escapeProperty('\n')).toBe('%0A');
    expect(escapeProperty(':')).toBe('%3A');
    expect(escapeProperty(',')).toBe('%2C');
    expect(escapeProperty('|')).toBe('|');
    expect(escapeProperty('a:b,c%d')).toBe('a%3Ab%2Cc%25d');
  });

  it('escapes the file and title properties, not just the message', () => {
    const finding: Finding = {
      ruleId: 'budget',
      severity: 'warning',
      file: 'notes/a,b:c%.md',
      line: 2,
      column: 5,
      message: 'a:b,c',
    };
    expect(github(sampleResult({ findings: [finding] }), context)).toBe(
      '::warning file=notes/a%2Cb%3Ac%25.md,line=2,col=5,title=seam(budget)::a:b,c\n',
    );
  });
});

describe('github reporter: step summary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seam-summary-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('tabulates every finding, locations and messages as code spans on one line, | escaped', () => {
    const summary = githubSummary(sampleResult(), {
      githubBlobUrl: 'https://github.com/acme/handbook/blob/abc123/',
    });
    expect(summary).toBe(
      [
        '## Seam lint',
        '',
        '4 problems (2 errors, 2 warnings) in 2 files of 3 linted.',
        '',
        '| Location | Severity | Rule | Message |',
        '| --- | --- | --- | --- |',
        '| [`content/plans/q3 budget.md:12:3`](https://github.com/acme/handbook/blob/abc123/content/plans/q3%20budget.md#L12)' +
          ' | error | `budget` | `Over by 12% in Q3: staff, travel \\| kit See Café «Zürich» ✓` |',
        '| [`content/plans/q3 budget.md:108:15`](https://github.com/acme/handbook/blob/abc123/content/plans/q3%20budget.md#L108)' +
          ' | warning | `dangling-reference` | ``Unknown record `hr`.`` |',
        '| [`content/systems/crm.md:1:1`](https://github.com/acme/handbook/blob/abc123/content/systems/crm.md#L1-L3)' +
          ' | error | `owner-required` | ``System has no owner. Add `owner:` to the front matter.`` |',
        '| [`content/systems/crm.md:4:9`](https://github.com/acme/handbook/blob/abc123/content/systems/crm.md#L4)' +
          ' | warning | `dangling-reference` | ``Unknown record `acme-old`. Did you mean `acme`?`` |',
        '',
        '',
      ].join('\n'),
    );
    // Rendered, each message cell reads exactly as the message (its line break shown as a space).
    expect(renderedCells(summary).map((row) => row[3])).toEqual([
      'Over by 12% in Q3: staff, travel | kit See Café «Zürich» ✓',
      'Unknown record `hr`.',
      'System has no owner. Add `owner:` to the front matter.',
      'Unknown record `acme-old`. Did you mean `acme`?',
    ]);
  });

  it('shows plain locations without a repository URL, and keeps HTML, backslashes and edge backticks literal', () => {
    const findings: Finding[] = [
      { ruleId: 'budget', severity: 'error', file: 'a.md', line: 1, column: 2, message: 'Use <id> & not C:\\' },
      { ruleId: 'budget', severity: 'error', file: 'a.md', line: 2, column: 1, message: '`x` ends with `y`' },
      { ruleId: 'budget', severity: 'error', file: 'a.md', line: 3, column: 1, message: 'a\\|b \\\\| c' },
    ];
    const summary = githubSummary(sampleResult({ findings, errorCount: 3, warningCount: 0 }), {});
    expect(summary).toContain('| `a.md:1:2` | error | `budget` | `Use <id> & not C:\\` |\n');
    expect(renderedCells(summary)).toEqual([
      ['a.md:1:2', 'error', 'budget', 'Use <id> & not C:\\'],
      ['a.md:2:1', 'error', 'budget', '`x` ends with `y`'],
      // Still one cell: a backslash right before a pipe shows doubled, as GFM cannot show it single.
      ['a.md:3:1', 'error', 'budget', 'a\\\\|b \\\\\\\\| c'],
    ]);
  });

  it('renders none of the Markdown a hostile message or file name carries: no image, link, HTML, cell break or heading', () => {
    const message =
      '![x](https://evil.example/x.png) [click](https://evil.example) <img src=x> | # Fake heading ' +
      '**0 problems** ~~struck~~ https://evil.example www.evil.example user@evil.example $x^2$ :tada: @org/team #1 &lt;b&gt;';
    const finding: Finding = { ruleId: 'schema', severity: 'error', file: 'content/[x](https://evil.example)|<b>.md', line: 3, column: 7, message };
    const summary = githubSummary(sampleResult({ findings: [finding], errorCount: 1, warningCount: 0 }), {
      githubBlobUrl: 'https://github.com/acme/handbook/blob/abc123',
    });
    expect(summary).toContain(`| \`${message.replace('|', '\\|')}\` |\n`);
    const tree = markdown(summary);
    const kinds = new Set<string>();
    visit(tree, (node) => void kinds.add(node.type));
    expect([...kinds].sort()).toEqual(['heading', 'inlineCode', 'link', 'paragraph', 'root', 'table', 'tableCell', 'tableRow', 'text']);
    // The only link is the location's own, to the file in the repository; the only heading is Seam's.
    const links: string[] = [];
    visit(tree, 'link', (node) => void links.push(node.url));
    expect(links).toEqual(['https://github.com/acme/handbook/blob/abc123/content/%5Bx%5D%28https%3A//evil.example%29%7C%3Cb%3E.md#L3']);
    expect(tree.children.filter((n) => n.type === 'heading')).toHaveLength(1);
    expect(renderedCells(summary)).toEqual([['content/[x](https://evil.example)|<b>.md:3:7', 'error', 'schema', message]]);
  });

  it('shows control characters in a message as visible escapes, never raw', () => {
    const finding: Finding = { ruleId: 'schema', severity: 'error', file: 'a.md', line: 1, column: 1, message: 'found \u001b[2J\u202e0 problems' };
    const summary = githubSummary(sampleResult({ findings: [finding], errorCount: 1, warningCount: 0 }), {});
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(renderedCells(summary)[0][3]).toBe('found \\u001b[2J\\u202e0 problems');
  });

  it('says so when there is nothing wrong', () => {
    expect(githubSummary(emptyResult(), {})).toBe('## Seam lint\n\nNo problems found in 3 files.\n\n');
  });

  it('appends to $GITHUB_STEP_SUMMARY, keeping what is already there', () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# Earlier step\n\n');
    const run = { ...context, githubStepSummary: file };
    appendGithubSummary(sampleResult(), run);
    appendGithubSummary(emptyResult(), run);
    expect(readFileSync(file, 'utf8')).toBe(
      `# Earlier step\n\n${githubSummary(sampleResult(), run)}${githubSummary(emptyResult(), run)}`,
    );
  });

  it('lists all findings in the summary even past the 10 annotations GitHub shows', () => {
    const many: Finding[] = Array.from({ length: 25 }, (_, i) => ({
      ruleId: 'budget',
      severity: i % 2 ? 'warning' : 'error',
      file: `content/f${String(i).padStart(2, '0')}.md`,
      line: i + 1,
      column: 1,
      message: `Problem ${i + 1}`,
    }));
    const file = join(dir, 'summary.md');
    appendGithubSummary(sampleResult({ findings: many, errorCount: 13, warningCount: 12 }), {
      ...context,
      githubStepSummary: file,
    });
    const written = readFileSync(file, 'utf8');
    for (let i = 1; i <= 25; i++) expect(written).toContain(`| \`Problem ${i}\` |`);
    expect(written.match(/^\| `content\//gm)).toHaveLength(25);
  });

  it('stops the table short of the 1 MiB GitHub accepts for a step summary, and says how many it left out', () => {
    const huge: Finding[] = Array.from({ length: 300 }, (_, i) => ({
      ruleId: 'budget',
      severity: 'error',
      file: `content/f${String(i).padStart(3, '0')}.md`,
      line: 1,
      column: 1,
      message: 'x'.repeat(5000),
    }));
    const summary = githubSummary(sampleResult({ findings: huge, errorCount: 300, warningCount: 0 }), {});
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    const rows = summary.match(/^\| `content\//gm)!.length;
    expect(rows).toBeGreaterThan(150);
    expect(summary).toContain(`…and ${300 - rows} more findings: a step summary is limited to 1 MiB.`);
  });

  it('writes nothing when not running in GitHub Actions', () => {
    expect(() => appendGithubSummary(sampleResult(), context)).not.toThrow();
  });
});
