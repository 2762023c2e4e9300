// Pages that show something for every project (the coverage matrix, the traceability table) are split
// into runs of projects, so that no page grows with the whole organisation: a matrix cell is about half
// a kilobyte of markup and a standard has a few hundred criteria, so one page of every project was some
// 150 MB of HTML at 1,000 projects — more than a browser opens, and the site build's largest allocation.

/** How many projects one page shows: a page of 25 stays a few megabytes. */
export const PROJECTS_PER_PAGE = 25;

/** One page of a view split by project: a run of projects, in the view's order. */
export interface ProjectPage {
  /** 1 for the first page, which is the view's own address. */
  number: number;
  /** Its site path. */
  path: string;
  /** The projects it shows, and their positions (1-based, inclusive) among all of them. */
  projects: string[];
  first: number;
  last: number;
}

/**
 * The pages of a view of `projects` (ids, in the order the view shows them), `size` to a page, page `n`
 * at `pathOf(n)`. There is always a first page, empty when there are no projects.
 */
export function projectPages(projects: readonly string[], pathOf: (number: number) => string, size = PROJECTS_PER_PAGE): ProjectPage[] {
  const pages: ProjectPage[] = [];
  for (let start = 0; start === 0 || start < projects.length; start += size) {
    const number = pages.length + 1;
    const slice = projects.slice(start, start + size);
    pages.push({ number, path: pathOf(number), projects: slice, first: start + 1, last: start + slice.length });
  }
  return pages;
}

/**
 * The routes of a view's further pages for its `getStaticPaths` (`/…/<n>/`, `n` from 2: the first page
 * is the view's own address), each with its page as the route's `page` prop.
 */
export const furtherPageRoutes = (pages: readonly ProjectPage[]) => pages.slice(1).map((page) => ({ params: { page: String(page.number) }, props: { page } }));
