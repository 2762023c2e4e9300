// Inline disable comments: each form, in an MDX body, in YAML frontmatter and in a YAML file, and which
// findings they silence (ranges, single lines, the next line, named rules or every rule).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/model/source.ts';
import { findDirectives, isSuppressed } from '../../src/rule-kit/directives.ts';
import type { Directive } from '../../src/rule-kit/directives.ts';

const lines = (...text: string[]) => text.join('\n');
const directivesOf = (text: string, file = 'organisations/beta.mdx') => findDirectives(parseSource(text, file));
/** Which of `candidates` (rule id at line) are silenced in `text`. */
function silenced(text: string, candidates: [string, number][], file?: string): string[] {
  const directives = directivesOf(text, file);
  return candidates.filter(([ruleId, line]) => isSuppressed({ ruleId, line }, directives)).map(([ruleId, line]) => `${ruleId}@${line}`);
}

describe('findDirectives', () => {
  it('reads every form in the body as an MDX comment, with its rules and where it stands', () => {
    const text = lines(
      '---', 'title: Beta', '---', '',
      '{/* seam-disable required-sections, links */}',
      'Text. {/* seam-enable links */}',
      '{/* seam-disable-next-line */}',
      '{/*seam-disable-line criteria-refs*/}',
    );
    expect(directivesOf(text)).toEqual<Directive[]>([
      { kind: 'disable', rules: ['required-sections', 'links'], line: 5, column: 1 },
      { kind: 'enable', rules: ['links'], line: 6, column: 7 },
      { kind: 'disable-next-line', rules: [], line: 7, column: 1 },
      { kind: 'disable-line', rules: ['criteria-refs'], line: 8, column: 1 },
    ]);
  });

  it('reads YAML comments in frontmatter, and only there: a # in the body is text', () => {
    const text = lines(
      '---', '# seam-disable-next-line currency', 'reviewBy: 2024-01-31  # seam-disable-line currency, schema', '---', '',
      '# seam-disable-next-line currency', '{/* seam-disable-next-line links */}',
    );
    expect(directivesOf(text)).toEqual<Directive[]>([
      { kind: 'disable-next-line', rules: ['currency'], line: 2, column: 1 },
      { kind: 'disable-line', rules: ['currency', 'schema'], line: 3, column: 23 },
      { kind: 'disable-next-line', rules: ['links'], line: 7, column: 1 },
    ]);
  });

  it('reads YAML comments on every line of a YAML file, and no MDX comments there', () => {
    const text = lines('title: ESKITP5045', '# seam-disable-next-line currency', 'reviewBy: 2014-03', 'note: "{/* seam-disable links */}"', '');
    expect(directivesOf(text, 'standards/eskitp5045.yaml')).toEqual<Directive[]>([{ kind: 'disable-next-line', rules: ['currency'], line: 2, column: 1 }]);
  });

  it('ends the rule list at " -- ": what follows is the reason', () => {
    const text = lines('---', 'title: Beta', '# seam-disable-next-line currency -- reviewed in March, see the minutes', '---', '{/* seam-disable links, unfinished -- drafts */}');
    expect(directivesOf(text).map((d) => d.rules)).toEqual([['currency'], ['links', 'unfinished']]);
  });

  it('finds nothing in a file without directives, or in one whose comments only look similar', () => {
    expect(directivesOf(lines('---', 'title: Beta  # seam rules apply', '---', '{/* seam-disabled links */}', 'seam-disable links'))).toEqual([]);
  });
});

describe('isSuppressed', () => {
  it('silences from seam-disable to seam-enable, and to the end of the file when not re-enabled', () => {
    const text = lines('one', '{/* seam-disable links */}', 'three', '{/* seam-enable links */}', 'five', '{/* seam-disable links */}', 'seven', 'eight');
    expect(silenced(text, [['links', 1], ['links', 3], ['links', 5], ['links', 7], ['links', 8]])).toEqual(['links@3', 'links@7', 'links@8']);
  });

  it('silences only the rules a directive names; one without names silences every rule', () => {
    const text = lines('{/* seam-disable links */}', 'two', '{/* seam-enable links */}', '{/* seam-disable */}', 'five');
    expect(silenced(text, [['links', 2], ['currency', 2], ['links', 5], ['currency', 5]])).toEqual(['links@2', 'links@5', 'currency@5']);
  });

  it('re-enables one rule of several and leaves the others off', () => {
    const text = lines('{/* seam-disable links, currency */}', '{/* seam-enable currency */}', 'three');
    expect(silenced(text, [['links', 3], ['currency', 3]])).toEqual(['links@3']);
  });

  it('silences the next line, and only that line, with seam-disable-next-line', () => {
    const text = lines('{/* seam-disable-next-line links */}', 'two', 'three');
    expect(silenced(text, [['links', 1], ['links', 2], ['links', 3], ['currency', 2]])).toEqual(['links@2']);
  });

  it('silences its own line with seam-disable-line, in frontmatter', () => {
    const text = lines('---', 'reviewBy: 2024-01-31  # seam-disable-line currency', 'approved: 2023-01-01', '---', '');
    expect(silenced(text, [['currency', 2], ['currency', 3], ['schema', 2]])).toEqual(['currency@2']);
  });

  it('lets a disable comment in frontmatter cover the body too', () => {
    const text = lines('---', '# seam-disable unfinished', 'title: Beta', '---', '', 'TODO: write this');
    expect(silenced(text, [['unfinished', 3], ['unfinished', 6]])).toEqual(['unfinished@3', 'unfinished@6']);
  });

  it('does not look ahead: a directive below a finding does not silence it', () => {
    const text = lines('one', '{/* seam-disable links */}');
    expect(silenced(text, [['links', 1]])).toEqual([]);
  });
});
