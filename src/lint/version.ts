// Seam's version and addresses, stated once: SARIF's `tool.driver`, `seam --version`, each finding's
// link to its rule's documentation, and the link checker's User-Agent. In the engine's layer, the lowest
// that needs them, so the commands, the remark preset and the reporters all read the same values.
import { readFileSync } from 'node:fs';

/** Where Seam is documented: SARIF's `informationUri`. */
export const HOMEPAGE = 'https://seam.dev/';

/** Where each rule's documentation is: this, the rule id and `/`. */
export const RULES_URL = `${HOMEPAGE}rules/`;

let version: string | undefined;

/**
 * Seam's version, from package.json. Read on first use, not on import: the site bundles the engine
 * (and so this module) somewhere package.json is not beside it, and never asks.
 */
export function seamVersion(): string {
  version ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
  return version;
}
