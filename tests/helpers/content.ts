// Test helpers: temporary content roots built from a base folder plus overrides, cleaned up after.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const RULE_BASE = join(REPO, 'rules/examples/base');
export const EXAMPLE_CONTENT = join(REPO, 'content');

/** Copies `base` (unless null) to a fresh temp folder and applies `files` (null deletes). */
export function tempContent(base: string | null, files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-'));
  if (base) cpSync(base, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return dir;
}
