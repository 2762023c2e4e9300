// Seam's version and addresses, stated once: SARIF's `tool.driver`, `seam --version`, each finding's
// link to its rule's documentation, and the link checker's User-Agent. In the engine's layer, the lowest
// that needs them, so the commands, the remark preset and the reporters all read the same values.
import { readFileSync } from 'node:fs';

export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** Where Seam is documented: SARIF's `informationUri`. */
export const HOMEPAGE = 'https://seam.dev/';

/** Where each rule's documentation is: this, the rule id and `/`. */
export const RULES_URL = `${HOMEPAGE}rules/`;
