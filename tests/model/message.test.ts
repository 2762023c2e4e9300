// Messages built from parts: the CLI's text is the plain message; an audience's text names records it
// may not read as "a restricted record" and suggests only records it may read.
import { describe, expect, it } from 'vitest';
import { closest, mention, mentionedFiles, renderMessage, RESTRICTED_RECORD, say, suggest } from '../../src/model/message.ts';

const systems = [
  { file: 'systems/crm.mdx', key: 'crm', text: 'crm' },
  { file: 'systems/secret-ledger.mdx', key: 'secret-ledger', text: 'secret-ledger' },
  { file: 'systems/billing.mdx', key: 'billing', text: 'billing' },
];
const publicOnly = (file: string) => file !== 'systems/secret-ledger.mdx';

describe('say', () => {
  it('writes the whole text for a reader who may read everything, and keeps the parts', () => {
    const m = say`Links to ${mention('systems/secret-ledger.mdx', '"Secret Ledger"')} on line ${3}.`;
    expect(m.message).toBe('Links to "Secret Ledger" on line 3.');
    expect(m.parts).toEqual(['Links to ', { mention: { file: 'systems/secret-ledger.mdx', text: '"Secret Ledger"' } }, ' on line 3.']);
    expect(mentionedFiles(m.parts)).toEqual(['systems/secret-ledger.mdx']);
  });

  it('renders a mention the reader may not read as a restricted record, or as its own fallback', () => {
    expect(renderMessage(say`Links to ${mention('systems/secret-ledger.mdx', '"Secret Ledger"')}.`.parts, publicOnly)).toBe(`Links to ${RESTRICTED_RECORD}.`);
    expect(renderMessage(say`${mention('systems/secret-ledger.mdx', '"ana" (Ana, CFO)', '"ana"')} signs.`.parts, publicOnly)).toBe('"ana" signs.');
    expect(renderMessage(say`${mention(undefined, '/systems/')} is a listing.`.parts, () => false)).toBe('/systems/ is a listing.');
  });
});

describe('suggest', () => {
  const hint = (value: string) => say`Unknown "${value}".${suggest({ value, candidates: systems, near: [' Did you mean "', '"?'], list: [' Known: ', '.'], none: ' None known.' })}`;

  it('names the nearest candidate, drawn only from what the reader may read', () => {
    expect(hint('secret-ledgr').message).toBe('Unknown "secret-ledgr". Did you mean "secret-ledger"?');
    expect(renderMessage(hint('secret-ledgr').parts, publicOnly)).toBe('Unknown "secret-ledgr". Known: crm, billing.');
    expect(renderMessage(hint('billng').parts, publicOnly)).toBe('Unknown "billng". Did you mean "billing"?');
  });

  it('lists at most `max` candidates, then says what it says when none is readable', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ file: `systems/s${i}.mdx`, key: `system-number-${i}`, text: `system-number-${i}` }));
    expect(say`${suggest({ value: 'zzzzzzzzzzzzzzzzzzzz', candidates: many, list: ['Known: ', '.'], max: 2 })}`.message).toBe('Known: system-number-0, system-number-1, ….');
    expect(renderMessage(hint('zzzzzz').parts, () => false)).toBe('Unknown "zzzzzz". None known.');
  });
});

describe('closest', () => {
  it('takes the first of equally near candidates, and nothing too far', () => {
    expect(closest('crn', ['crm', 'cra'])).toBe('crm');
    expect(closest('payments', ['crm', 'billing'])).toBeUndefined();
  });
});
