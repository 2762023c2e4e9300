// What Starlight receives of a handbook page's frontmatter. Seam's `doc` schema (src/model/schemas.ts)
// has already refused everything unsafe; two things remain for Starlight's own schema and components:
// Starlight writes `hero.title`, `hero.tagline` and `banner.content` as raw HTML (`set:html`), so they are
// escaped here and show as the text the author wrote; and it expects `lastUpdated` as a date, which
// Seam's frontmatter writes as `YYYY-MM-DD`.
import { escapeHtml } from './escape.ts';

type Frontmatter = Record<string, unknown>;

const isObject = (value: unknown): value is Frontmatter => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `raw` ready for Starlight's `docs` schema; `raw` itself is not changed. */
export function starlightFrontmatter(raw: Frontmatter): Frontmatter {
  const out: Frontmatter = { ...raw };
  if (isObject(raw.hero)) {
    const hero: Frontmatter = { ...raw.hero };
    if (typeof hero.title === 'string') hero.title = escapeHtml(hero.title);
    // Without its own title, Starlight's hero shows the page title as HTML too.
    else if (typeof raw.title === 'string') hero.title = escapeHtml(raw.title);
    if (typeof hero.tagline === 'string') hero.tagline = escapeHtml(hero.tagline);
    out.hero = hero;
  }
  if (isObject(raw.banner) && typeof raw.banner.content === 'string') out.banner = { ...raw.banner, content: escapeHtml(raw.banner.content) };
  if (typeof raw.lastUpdated === 'string') out.lastUpdated = new Date(`${raw.lastUpdated}T00:00:00Z`);
  return out;
}
