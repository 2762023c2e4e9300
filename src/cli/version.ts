// Seam's version and home page, as SARIF's `tool.driver` and `seam --version` report them. A module of
// its own so that the commands and `main.ts`, which dispatches to them, do not import each other.
import { readFileSync } from 'node:fs';

export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** Where Seam is documented: SARIF's `informationUri`. */
export const HOMEPAGE = 'https://seam.dev/';
