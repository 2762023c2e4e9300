// The site's top-level sections, in sidebar order. astro.config.mjs builds Starlight's sidebar from
// this list and the home page links to the same sections.

export interface Section {
  label: string;
  /**
   * The section's site path, with a trailing slash, without the site's base path: Starlight adds the
   * base to sidebar links itself, and getSections() gives pages the address to write (siteHref).
   */
  href: string;
  /** The record type listed in the section, if it lists one. */
  recordType?: string;
  /** One line for the home page. */
  summary: string;
  /** What the section lists, singular and plural, for counts ("3 policies"); none when not counted. */
  items?: [string, string];
}

/** The sidebar group that route middleware fills with the handbook's pages. */
export const HANDBOOK_LABEL = 'Handbook';

export const sections: Section[] = [
  // The handbook's href is resolved to its landing page at build time (see getSections()).
  { label: HANDBOOK_LABEL, href: '/handbook/', recordType: 'docs', summary: 'How the integration function works and how to author its records.', items: ['page', 'pages'] },
  { label: 'Standard', href: '/standard/', recordType: 'standards', summary: 'The standards the organisation works to, criterion by criterion: what an integrator must be able to do and know, and what evidences it.' },
  { label: 'Policies', href: '/policies/', recordType: 'policies', summary: 'The organisation\'s own integration policies, standards, procedures and guidelines.', items: ['policy', 'policies'] },
  { label: 'Organisations', href: '/organisations/', recordType: 'organisations', summary: 'Acquirers, targets, partners, regulators and external bodies.', items: ['organisation', 'organisations'] },
  { label: 'Systems', href: '/systems/', recordType: 'systems', summary: 'The systems catalogue: owners, data held and interfaces.', items: ['system', 'systems'] },
  { label: 'Providers', href: '/providers/', recordType: 'providers', summary: 'External providers of integration services, their contracts and contacts.', items: ['provider', 'providers'] },
  { label: 'Projects', href: '/projects/', recordType: 'charter', summary: 'Every integration project with its charter and records.', items: ['project', 'projects'] },
  { label: 'Coverage', href: '/coverage/', summary: 'Which records evidence each criterion of the standard, project by project.' },
  { label: 'Lessons', href: '/lessons/', recordType: 'lessons', summary: 'Every lesson the projects learned, and where other projects apply it.' },
  { label: 'Rules', href: '/rules/', summary: 'The checks Seam runs on every record: what each protects and how to fix a finding.' },
  { label: 'Record types', href: '/record-types/', summary: 'Every kind of record: where it lives, its fields, required headings and the rules that read it.' },
];

/** The section listing records of `recordType`. */
export function sectionOf(recordType: string): Section {
  const section = sections.find((s) => s.recordType === recordType);
  if (!section) throw new Error(`No site section lists ${recordType}`);
  return section;
}
