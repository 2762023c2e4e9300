// Small text helpers shared by the reporters.

import { plainText } from '../../model/safe-text.ts';

/** A repository path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function repositoryUri(file: string): string {
  return file.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}

/**
 * Text shaped by content (a message, a file name) as a Markdown code span, the one place Markdown shows
 * text as written: no image, link, HTML, emphasis or heading, and none of the links GitHub adds to plain
 * text (URLs, e-mail addresses, @mentions, #issues), which backslash escapes would not stop. One line,
 * without control characters; the fence is longer than any run of backticks inside.
 */
export function codeSpan(text: string): string {
  const inner = plainText(text);
  const fence = '`'.repeat((inner.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
  // CommonMark drops one space at each end of a code span that has one at both, or a backtick at either.
  const pad = /^`|`$|^ .* $/.test(inner) ? ' ' : '';
  return inner ? `${fence}${pad}${inner}${pad}${fence}` : '';
}
