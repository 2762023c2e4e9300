// Which files a rule checks, and how, under the config's `ignores:` and `overrides:`: content-relative
// globs (picomatch, dot files included), compiled once per list. The engine, the cache's dependency
// map and the CLI's notice about an ignored file all decide it here.
import picomatch from 'picomatch';
import type { SeamConfig } from '../model/config.ts';
import type { Severity } from '../rule-kit/finding.ts';
import type { RuleSetting } from './engine.ts';

const matchers = new Map<string, (file: string) => boolean>();

/** Whether a content-relative path matches one of `globs` (picomatch; dot files too). */
function matchesGlobs(globs: readonly string[], file: string): boolean {
  if (!globs.length) return false;
  const key = JSON.stringify(globs);
  let match = matchers.get(key);
  if (!match) matchers.set(key, (match = picomatch(globs as string[], { dot: true })));
  return match(file);
}

/** The severity and options of a rule for one content file, after the overrides that match it. */
export function settingFor(setting: RuleSetting, file: string): { severity: Severity | 'off'; options: unknown } {
  let { severity, options } = setting;
  for (const override of setting.overrides ?? []) {
    if (matchesGlobs(override.files, file)) ({ severity, options } = override);
  }
  return { severity, options };
}

/** Whether a rule runs on some file: on by default, or switched on by an override. */
export function mayRun(setting: RuleSetting): boolean {
  return setting.severity !== 'off' || !!setting.overrides?.some((o) => o.severity !== 'off');
}

/** Whether the config's `ignores:` leaves this content file (content-relative) unlinted. */
export function isIgnored(config: Pick<SeamConfig, 'ignores'> | undefined, file: string): boolean {
  return matchesGlobs(config?.ignores ?? [], file);
}
