// Words stay apart in the search index: a line break follows each table part, term, value, caption
// and preformatted block that the next tag follows directly, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { separateBlockBytes, separateBlocks } from '../../src/site/views/search-text.ts';

describe('separateBlocks', () => {
  it('separates table cells, rows and captions', () => {
    expect(separateBlocks('<table><caption>People</caption><thead><tr><th>Name</th><th>Role</th></tr></thead><tbody><tr><td>Oliver</td><td>Lead</td></tr></tbody></table><p>x</p>')).toBe(
      '<table><caption>People</caption>\n<thead><tr><th>Name</th>\n<th>Role</th>\n</tr>\n</thead>\n<tbody><tr><td>Oliver</td>\n<td>Lead</td>\n</tr>\n</tbody>\n</table>\n<p>x</p>',
    );
  });

  it('separates terms from values and a diagram from its caption', () => {
    expect(separateBlocks('<dl><div><dt>Owner</dt><dd>Harbour</dd></div></dl><figure><pre class="mermaid">a</pre><figcaption>Map</figcaption></figure>')).toBe(
      '<dl><div><dt>Owner</dt>\n<dd>Harbour</dd>\n</div></dl>\n<figure><pre class="mermaid">a</pre>\n<figcaption>Map</figcaption>\n</figure>',
    );
  });

  it('leaves inline elements, text after a closing tag and escaped markup alone', () => {
    const html = '<p><a href="/x">CRM</a><span>,</span> <code>&lt;/th&gt;&lt;th&gt;</code></p><li>a</li><li>b</li><th>x</th> <td>y</td><td>z</td>tail';
    expect(separateBlocks(html)).toBe('<p><a href="/x">CRM</a><span>,</span> <code>&lt;/th&gt;&lt;th&gt;</code></p><li>a</li><li>b</li><th>x</th> <td>y</td>\n<td>z</td>tail');
  });
});

describe('separateBlockBytes', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('writes the UTF-8 of separateBlocks without decoding the page, whatever characters it holds', () => {
    // Two-, three- and four-byte characters next to the tags, in names, values and attributes, and
    // characters whose upper case is ASCII (ſ → S, K → k) or that Latin-1 bytes of UTF-8 look like.
    const html = '<table><caption>Überblick — ÿ</caption><tr><th>Name ſ</th><th>Rolle →</th></tr><tr><td>Zoë 😀</td><td title="K">Ø</td></tr></table><dl><dt>Ñ</dt><dd>€</dd></dl><p>é</p>';
    const bytes = separateBlockBytes(utf8(html));
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(separateBlocks(html));
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(utf8(separateBlocks(html))))).toBe(0);
  });

  it('returns a page with nothing to separate as it came', () => {
    const page = utf8('<p>Grüße</p><th>x</th> <td>y</td>');
    expect(separateBlockBytes(page)).toBe(page);
  });
});
