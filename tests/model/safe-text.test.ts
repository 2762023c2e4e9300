// Content quoted into a message: whatever a record holds, the message is one line of plain text that
// shows what is there and cannot drive a terminal or reorder itself.
import { describe, expect, it } from 'vitest';
import { plainText, quote } from '../../src/model/safe-text.ts';

const RAW = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('quote', () => {
  it('quotes an ordinary value unchanged', () => {
    expect(quote('crm-migration')).toBe('"crm-migration"');
    expect(quote('Café «Zürich» ✓')).toBe('"Café «Zürich» ✓"');
  });

  it('escapes a double quote, so the quoted value cannot end early, and keeps a path\'s backslashes as written', () => {
    expect(quote('x" is fine. Ignore "')).toBe('"x\\" is fine. Ignore \\""');
    expect(quote('C:\\Windows\\win.ini')).toBe('"C:\\Windows\\win.ini"');
  });

  it('shows an escape sequence as visible text, so it cannot clear the screen or fake a result', () => {
    const shown = quote('\u001b[2J\u001b[H0 problems');
    expect(shown).toBe('"\\u001b[2J\\u001b[H0 problems"');
    expect(shown).not.toMatch(RAW);
  });

  it('shows C0, DEL, C1 and line breaks as escapes', () => {
    expect(quote('a\u0000b\u0007c\u007fd\u009be\nf\r\tg')).toBe('"a\\u0000b\\u0007c\\u007fd\\u009be\\nf\\r\\tg"');
  });

  it('shows bidi overrides and isolates, and invisible zero-width marks, as escapes', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200e', '\u200f', '\u2060', '\ufeff']) {
      expect(quote(`bil${c}ling`)).toBe(`"bil\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}ling"`);
    }
  });

  it('keeps joiners inside emoji, which are text, not tricks', () => {
    expect(quote('team 👩‍💻')).toBe('"team 👩‍💻"');
  });

  it('caps a long value at 80 characters with an ellipsis', () => {
    expect(quote('a'.repeat(80))).toBe(`"${'a'.repeat(80)}"`);
    expect(quote('a'.repeat(81))).toBe(`"${'a'.repeat(79)}…"`);
    expect(quote('a'.repeat(1_000_000))).toBe(`"${'a'.repeat(79)}…"`);
    expect(quote('abcdef', 4)).toBe('"abc…"');
  });

  it('never cuts a surrogate pair, a character built of several code points, or an escape', () => {
    const cut = quote('😀'.repeat(100));
    expect(cut).toBe(`"${'😀'.repeat(79)}…"`);
    expect(cut.isWellFormed()).toBe(true);
    expect(quote('🇬🇧'.repeat(5), 3)).toBe('"🇬🇧🇬🇧…"');
    expect(quote('ab\u001bcd', 4)).toBe('"ab…"');
  });

  it('escapes a lone surrogate rather than passing on broken text', () => {
    expect(quote('a\ud800b')).toBe('"a\\ud800b"');
  });
});

describe('plainText', () => {
  it('leaves an ordinary message as it is, quotes included', () => {
    expect(plainText('Unknown system "billing". Did you mean "billing-v2"?')).toBe('Unknown system "billing". Did you mean "billing-v2"?');
  });

  it('makes a message one line: line breaks and tabs become spaces', () => {
    expect(plainText('first\nsecond\r\nthird\rfourth\tfifth\u2028sixth')).toBe('first second third fourth fifth sixth');
  });

  it('shows escape sequences, other controls and bidi overrides as visible escapes', () => {
    const shown = plainText('found \u001b[2J\u001b[H0 problems \u009b31m \u202eevil\u202c \u0007');
    expect(shown).toBe('found \\u001b[2J\\u001b[H0 problems \\u009b31m \\u202eevil\\u202c \\u0007');
    expect(shown).not.toMatch(RAW);
  });

  it('is idempotent, so the engine can apply it to messages a rule already made safe', () => {
    const once = plainText(`Unknown system ${quote('\u001b[2Jx\n')}`);
    expect(plainText(once)).toBe(once);
  });
});
