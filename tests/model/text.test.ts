// The small text and money helpers every layer shares.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/model/money.ts';
import { capitalise, escapeRegExp, KEBAB_CASE, kebab, plural } from '../../src/model/text.ts';

describe('text helpers', () => {
  it('counts with the right form of the noun, regular or not', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file')]).toEqual(['0 files', '1 file', '2 files']);
    expect(plural(3, 'policy', 'policies')).toBe('3 policies');
  });

  it('capitalises the first letter only, and leaves an empty text empty', () => {
    expect(capitalise('change request')).toBe('Change request');
    expect(capitalise('')).toBe('');
  });

  it('suggests the nearest kebab-case id, which the kebab-case pattern accepts', () => {
    for (const [text, id] of [['CRM Migration', 'crm-migration'], ['policyAdmin', 'policy-admin'], ['  Q3 -- review!', 'q3-review']]) {
      expect(kebab(text)).toBe(id);
      expect(KEBAB_CASE.test(id)).toBe(true);
    }
    expect(['crm--merge', '-crm', 'CRM', 'crm_merge'].filter((id) => KEBAB_CASE.test(id))).toEqual([]);
  });

  it('escapes every character a regular expression gives a meaning to', () => {
    const literal = 'a.b*c+d?(e)[f]{g}^h$i|j\\k';
    expect(new RegExp(`^${escapeRegExp(literal)}$`).test(literal)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});

describe('formatMoney', () => {
  it('shows whole amounts without pence, and pence when the amount or the caller asks for them', () => {
    expect(formatMoney(1_916_800, 'GBP')).toBe('£1,916,800');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(400, 'GBP', { pence: true })).toBe('£400.00');
  });

  it('signs a change when asked: + for an increase, - for a saving, none for zero', () => {
    expect(formatMoney(25_000, 'GBP', { signed: true })).toBe('+£25,000');
    expect(formatMoney(-300, 'GBP', { signed: true })).toBe('-£300');
    expect(formatMoney(0, 'GBP', { signed: true })).toBe('£0');
  });

  it('falls back to the number and the code when Intl cannot use the code', () => {
    expect(formatMoney(1234, 'pounds')).toBe('1,234 pounds');
    expect(formatMoney(5, 'pounds', { signed: true })).toBe('+5 pounds');
  });
});
