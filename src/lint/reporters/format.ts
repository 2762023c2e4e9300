// Small text helpers shared by the reporters.

/** `3 problems`, `1 problem`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A repository path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function repositoryUri(file: string): string {
  return file.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}
