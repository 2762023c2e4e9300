// The shared "real action" check: what counts as saying what is being done, wherever an action is required.
import { describe, expect, it } from 'vitest';
import { isRealAction, notAnAction } from '../../src/rule-kit/real-action.ts';

describe('notAnAction', () => {
  it.each([undefined, '', '   ', '\n\t'])('calls %j missing', (text) => {
    expect(notAnAction(text)).toBe('missing');
    expect(isRealAction(text)).toBe(false);
  });

  it.each(['tbd', 'TBD', 'tbc', 'TBC.', 'n/a', 'N/A', 'to be confirmed', 'To be confirmed.', 'to  be   decided', 'none', '-', '—', '?', '??', '...', 'TODO: say what', 'Fix it, TBD', 'FIXME', 'lorem ipsum dolor'])(
    'calls %j a placeholder',
    (text) => {
      expect(notAnAction(text)).toBe('placeholder');
      expect(isRealAction(text)).toBe(false);
    },
  );

  it.each(['Renegotiate the licence tier before the trial.', 'Patch the gateway', 'Stop the load and delete the data', 'Rotate the key by 5 May', 'N/A flag removed from the extract job'])(
    'accepts %j',
    (text) => {
      expect(notAnAction(text)).toBeUndefined();
      expect(isRealAction(text)).toBe(true);
    },
  );

  it('reads the placeholder words from the one place sections read them', async () => {
    const { PLACEHOLDER } = await import('../../src/rule-kit/sections.ts');
    for (const word of ['TODO', 'TBD', 'TBC', 'FIXME']) {
      expect(PLACEHOLDER.test(`Patch the gateway ${word}`)).toBe(true);
      expect(isRealAction(`Patch the gateway ${word}`)).toBe(false);
    }
  });
});
