// The authoring contract: one zod schema per record type. Astro's content collections, the record
// graph, the `schema` rule, the JSON Schema for editors and the author's handbook all derive from here.
// Every field's `.describe()` text is user-facing documentation.
import { z } from 'zod';
import { KEBAB_CASE } from './text.ts';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date written as ISO `YYYY-MM-DD`. */
export const isoDate = z
  .string({ error: 'expected a date written as YYYY-MM-DD' })
  .regex(ISO_DATE, { error: 'expected a date written as YYYY-MM-DD, for example 2026-03-31', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, { error: 'is not a real calendar date' });

/** A month (`YYYY-MM`) or a date (`YYYY-MM-DD`): published standards often give only the month. */
export const isoMonthOrDate = z
  .string({ error: 'expected YYYY-MM or YYYY-MM-DD' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { error: 'expected YYYY-MM or YYYY-MM-DD, for example 2014-03' });

/** A kebab-case id: lower-case letters and digits separated by single hyphens. */
export const id = z
  .string({ error: 'expected an id (kebab-case text)' })
  .regex(KEBAB_CASE, { error: 'ids are kebab-case: lower-case letters and digits joined by hyphens, for example "crm-migration"' });

/** An id as catalogues imported from OSCAL give them: lower-case letters and digits joined by `-`, `.` or `_` (`ac-2.1`, `s1.1.1`). */
const CATALOGUE_ID = /^[a-z][a-z0-9]*(?:[-._][a-z0-9]+)*$/;

/** A criterion's id within its catalogue: `P5`, `K3`, `K25.8`, or an OSCAL control id such as `ac-2.1`. */
const LOCAL_CRITERION = '(?:[A-Z]+\\d+(?:\\.\\d+)*|[a-z][a-z0-9]*(?:[-._][a-z0-9]+)*)';

/** The id a catalogue gives a criterion or sub-item: never qualified by a standard. */
const localCriterionId = z
  .string({ error: 'expected a criterion id such as P5 or K25.8' })
  .regex(new RegExp(`^${LOCAL_CRITERION}$`), { error: 'criterion ids look like P5, K3 or K25.8, or (from OSCAL) ac-2.1' });

/**
 * A reference to a criterion (src/model/criterion-ids.ts): `P5`, `K25.8` or `ac-2.1` in the primary
 * standard, or qualified by the standard's id, `eskitp5045:P5` or `sp800-53-low:ac-2`.
 */
export const criterionId = z
  .string({ error: 'expected a criterion id such as P5 or K25.8' })
  .regex(new RegExp(`^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*:)?${LOCAL_CRITERION}$`), { error: 'criterion ids look like P5, K3 or K25.8, or (from OSCAL) ac-2.1, optionally qualified by their standard: eskitp5045:P5' });

/** The id of a catalogue's group: kebab-case, or an OSCAL group id such as `ac` or `s1.1`. */
export const groupId = z
  .string({ error: 'expected a group id' })
  .regex(CATALOGUE_ID, { error: 'group ids are lower-case letters and digits joined by "-", "." or "_", for example "plan-and-prepare" or "s1.1"' });

export const classification = z
  .enum(['public', 'internal', 'confidential'])
  .default('internal')
  .describe('Who may read this record: `public` (anyone), `internal` (the organisation) or `confidential` (named people). Public builds of the site leave out internal and confidential records.');

/** The largest amount a record may hold: far above any integration budget, and exact in minor units. */
export const MAX_AMOUNT = 1_000_000_000_000;
const money = z
  .number({ error: 'expected an amount as a number, without currency symbols or separators' })
  .nonnegative({ error: 'amounts cannot be negative' })
  .max(MAX_AMOUNT, { error: 'amounts above 1,000,000,000,000 are refused: check the figure (write it in the plan\'s currency, without minor units)' });
/** Free text: may hold `<` and `&` ("R&D", "< 200 ms"); the site escapes it wherever it is shown. */
const prose = z.string().trim().min(1, { error: 'cannot be empty' });

/** What a single-line name may not hold: markup brackets, and control characters (line breaks, tabs, escape codes, C1). */
const NOT_IN_NAME = /[<>\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A single line of plain text naming something: a title, a person, a role, a milestone. Names end up
 * in page heads, tab titles, search results, diagrams and terminal output, so they hold no `<`, `>`
 * or control characters; the `schema` rule points at the first one.
 */
export const name = prose.superRefine((value, ctx) => {
  const at = value.search(NOT_IN_NAME);
  if (at < 0) return;
  const char = value[at]!;
  const shown = char === '<' || char === '>' ? `"${char}"` : `the control character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  ctx.addIssue({ code: 'custom', input: value, message: `is a single line of plain text, but holds ${shown} (character ${at + 1}): write it without "<", ">", line breaks, tabs or escape codes` });
});

/** Frontmatter every record shares. */
const base = {
  title: name.describe('The title readers see at the top of the page and in search results: one line of plain text.'),
  description: z.string().optional().describe('One sentence shown under the title and in search results.'),
  classification,
  evidence: z
    .array(
      z.strictObject({
        criterion: criterionId.describe('The criterion this record also evidences.'),
        section: name.describe('The heading, in this record, whose content is the evidence.'),
      }),
    )
    .optional()
    .describe('Extra criteria this record evidences beyond its type\'s defaults. A claim counts only when the named heading exists and holds real prose.'),
};

// ── Criteria catalogues ────────────────────────────────────────────────────────────────────────────

export const subItem = z.strictObject({
  id: localCriterionId.describe('The sub-item id, for example `K3.1` (or an OSCAL control enhancement such as `ac-2.1`); it starts with its criterion\'s id and a dot.'),
  title: name.optional().describe('The sub-item\'s title, where the standard gives one (OSCAL control enhancements do).'),
  text: prose.describe('The sub-item\'s verbatim text; several lines for a statement with lettered parts.'),
});

export const criterion = z.strictObject({
  id: localCriterionId.describe('The criterion id, for example `P5` or `K3`, or an OSCAL control id such as `ac-2`.'),
  title: name.optional().describe('The criterion\'s title, where the standard gives one (OSCAL controls do).'),
  kind: z.enum(['performance', 'knowledge']).optional().describe('Performance ("you must be able to") or knowledge ("you need to know and understand"); standards without the distinction (OSCAL catalogs) leave it out.'),
  group: groupId.describe('The id of the function (group) the criterion belongs to.'),
  text: prose.describe('The criterion\'s verbatim text; several lines for a statement with lettered parts.'),
  items: z.array(subItem).optional().describe('Sub-items, for criteria that list them.'),
});

export const standard = z.strictObject({
  title: name.describe('The standard\'s title.'),
  code: name.describe('The publisher\'s code, for example `ESKITP5045`.'),
  publisher: name.describe('Who developed the standard.'),
  originatingOrganisation: z.string().optional().describe('The originating organisation, if different from the publisher.'),
  urn: z.string().optional().describe('The original unique reference number.'),
  version: z.union([z.string(), z.number()]).transform(String).describe('The version of the standard.'),
  approved: isoMonthOrDate.describe('When the standard was approved (`YYYY-MM` or `YYYY-MM-DD`).'),
  reviewBy: isoMonthOrDate.optional().describe('The indicative review date; the `currency` rule warns once it has passed. Catalogues imported from OSCAL have none until you add it.'),
  validity: z.string().optional().describe('The publisher\'s validity statement, for example `Current`.'),
  status: z.string().optional().describe('The publisher\'s status, for example `Original`.'),
  suite: z.string().optional().describe('The suite the standard belongs to.'),
  occupations: z.array(z.string()).default([]).describe('Relevant occupations.'),
  keywords: z.array(z.string()).default([]).describe('Key words.'),
  classification,
  overview: z.string().optional().describe('The standard\'s overview, verbatim.'),
  groups: z
    .array(
      z.strictObject({
        id: groupId.describe('The group id, for example `plan-and-prepare-for-systems-integration` or (from OSCAL) `ac`.'),
        title: name.describe('The group\'s title.'),
        parent: groupId.optional().describe('The id of the group this one sits in, for standards whose groups nest (OSCAL catalogs); it must be listed before this one.'),
      }),
    )
    .min(1)
    .describe('The functions the criteria are grouped under, in order; a nested group names its parent.'),
  criteria: z.array(criterion).min(1).describe('Every criterion, in the order the standard lists them.'),
});

// ── Organisation-level collections ─────────────────────────────────────────────────────────────────

export const organisation = z.strictObject({
  ...base,
  kind: z
    .enum(['acquirer', 'target', 'partner', 'regulator', 'external-body', 'supplier'])
    .describe('The organisation\'s part in the integration work.'),
  country: z.string().optional().describe('Where the organisation is based.'),
  website: z.url().optional().describe('The organisation\'s public website.'),
});

const dataClass = z.enum(['personal', 'special-category', 'financial', 'payment-card', 'commercial', 'operational', 'public']);

// ── Interface contracts (issue 14) ─────────────────────────────────────────────────────────────────

/** Where an interface is in its life; a `retired` one must not be drawn in a current architecture diagram. */
export const interfaceLifecycle = z.enum(['planned', 'live', 'retiring', 'retired']);

/** An interface's contract: what it carries, how well, under which standard, and what shows it works. */
export const interfaceContract = z.strictObject({
  owner: id.describe('The id of the organisation accountable for the interface (its contract and its service levels).'),
  direction: z
    .enum(['provider-to-consumer', 'consumer-to-provider', 'both'])
    .describe('Which way the data flows between the two ends: the providing system (the record holding the contract) and the consumer (`system`).'),
  dataClasses: z
    .array(dataClass)
    .min(1, { error: 'list at least one class of data the interface carries' })
    .describe('The classes of data the interface carries. An interface carrying `personal` or `special-category` data needs the security policy and a data-protection regulation in the charter of every project whose scope holds both ends (rule `interface-contracts`).'),
  sla: z
    .strictObject({
      availability: prose.describe('The availability promised, for example `99.9% 07:00-22:00 UK time`.'),
      latency: prose.describe('How fast it answers or delivers, for example `p95 < 500 ms` or `by 06:00 each day`.'),
      volumes: prose.describe('The volumes it is sized for, for example `2,000 calls a minute at peak`.'),
      recovery: prose.describe('How it recovers from failure: recovery time and point objectives, replay.'),
    })
    .describe('Service levels and other non-functional requirements the interface is held to.'),
  standard: id.describe('The id of the policy (usually the interface standard) the interface follows; it must exist in content/policies/.'),
  lifecycle: interfaceLifecycle.describe('Where the interface is in its life: `planned`, `live`, `retiring` or `retired`. A `live` or `retiring` interface needs `testEvidence`.'),
  testEvidence: z
    .string()
    .regex(/^(?:project:[a-z0-9-]+(?:\/[a-z0-9-]+)*|https?:\/\/\S+)$/, { error: 'give a project record as `project:<project>/<record>` (for example `project:alpha/status/2026-05-01`) or a web address starting with https://' })
    .optional()
    .describe('What shows the interface was tested: a project record (`project:<project>/<record>`, which must exist) or a web address of the test report.'),
  spec: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(?:ya?ml|json)$/, { error: 'give the path of an OpenAPI file (.yaml, .yml or .json) relative to this record, for example `specs/broker-api.yaml`' })
    .optional()
    .describe('The interface\'s machine-readable specification: the path, relative to this record, of an OpenAPI file inside the content folder (for example `specs/broker-api.yaml`). Seam validates it (local file only: no external `$ref`, no network) and the system\'s page lists its operations.'),
});

const systemInterface = z
  .strictObject({
    id: id.optional().describe('The interface\'s id, unique within this system; defaults to the id of the system at the other end.'),
    system: id.describe('The id of the system at the other end (the consumer, when this system provides the interface).'),
    protocol: z.string().optional().describe('How they talk, for example `REST/JSON`, `SFTP batch`, `Kafka`. Required with a contract.'),
    description: z.string().optional().describe('What flows across the interface.'),
    contract: interfaceContract.optional().describe('The interface\'s contract, kept with the providing system\'s record. Every interface between two systems of a project\'s scope needs one once the project is past planning (rule `interface-contracts`).'),
  })
  .superRefine((value, ctx) => {
    if (value.contract && !value.protocol?.trim()) ctx.addIssue({ code: 'custom', path: ['protocol'], input: value, message: 'an interface with a contract names its protocol, for example `REST/JSON`' });
  });

export const system = z.strictObject({
  ...base,
  owner: id.describe('The id of the organisation that owns the system.'),
  kind: z
    .enum(['application', 'platform', 'data-store', 'integration', 'infrastructure', 'saas'])
    .describe('What sort of system it is.'),
  lifecycle: z
    .enum(['planned', 'live', 'migrating', 'retiring', 'retired'])
    .describe('Where the system is in its life.'),
  vendor: z.string().optional().describe('The product or vendor, if bought in.'),
  dataClasses: z
    .array(dataClass)
    .default([])
    .describe('The classes of data the system holds or moves.'),
  interfaces: z
    .array(z.union([id, systemInterface]))
    .default([])
    .describe('The systems this one exchanges data with: an id, or `{id, system, protocol, description, contract}`.'),
  // ── Catalogue updates by projects (issue 14, K16) ──
  catalogueUpdates: z
    .array(
      z.strictObject({
        project: id.describe('The id of the project that changed the system.'),
        date: isoDate.describe('When the catalogue entry was brought up to date after the project\'s change.'),
        lifecycle: z.enum(['planned', 'live', 'migrating', 'retiring', 'retired']).describe('The lifecycle the project left the system in; it must match `lifecycle` while this is the latest update.'),
        interfaces: prose.describe('What the project changed in the system\'s interfaces (added, moved, retired), or that it changed none.'),
      }),
    )
    .default([])
    .describe('Each project that changed the system, and how its lifecycle and interfaces stood once the project closed: the `handover` rule requires one from every closed project whose charter has the system in scope.'),
});

export const provider = z.strictObject({
  ...base,
  organisation: id.optional().describe('The id of the provider\'s organisation record, if it has one.'),
  services: z.array(name).min(1, { error: 'list at least one service the provider offers' }).describe('The integration services the provider offers.'),
  contract: z
    .strictObject({
      reference: name.describe('The contract or framework reference.'),
      start: isoDate.describe('When the contract starts.'),
      end: isoDate.optional().describe('When the contract ends, if fixed.'),
    })
    .describe('The contract under which the provider works.'),
  contacts: z
    .array(
      z.strictObject({
        name: name.describe('The contact\'s name.'),
        role: name.describe('Their role.'),
        email: z.email().optional(),
      }),
    )
    .min(1, { error: 'list at least one contact' })
    .describe('Named contacts at the provider.'),
});

export const policy = z.strictObject({
  ...base,
  kind: z.enum(['policy', 'standard', 'procedure', 'guideline']).describe('What sort of document this is.'),
  owner: name.describe('The role that owns and maintains the document.'),
  version: z.union([z.string(), z.number()]).transform(String).describe('The document\'s version, for example `2.1`.'),
  approved: isoDate.describe('When this version was approved.'),
  approver: name.describe('Who approved this version (a role or a named person).'),
  reviewBy: isoDate.describe('When the document must next be reviewed; the `currency` rule warns once it has passed.'),
  criteria: z.array(criterionId).default([]).describe('The criteria this document addresses.'),
  supersedes: id.optional().describe('The id of the policy this one replaces.'),
});

/** An address a handbook page may link to from its frontmatter: a web address, or a path on this site. */
const pageLink = z
  .string({ error: 'expected a web address (https://…) or a path on this site (/handbook/…)' })
  .refine((url) => /^https?:\/\/[^\s]+$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url), { error: 'expected a web address (https://…) or a path on this site starting with one "/"; other schemes (javascript:, data:…) are refused' });

/** A web address (`https://…`) and nothing else: where a page's "edit this page" link leads. */
const webAddress = z.string({ error: 'expected a web address (https://…)' }).regex(/^https?:\/\/[^\s]+$/i, { error: 'expected a web address starting with https:// (or http://); other schemes (javascript:, data:…) and paths are refused' });

const headingLevel = z.number().int().min(1).max(6);

/**
 * A handbook page: Seam's fields and the safe part of Starlight's page frontmatter, so existing
 * Starlight docs move in unchanged. Left out on purpose: `head` and any `attrs` (raw tags and attributes
 * in the page), `hero.image` (its `html` form is raw HTML), `prev`/`next` (the handbook orders itself).
 * Starlight writes `hero` and `banner` strings as HTML; Seam's site escapes them first, so they show as
 * text.
 */
export const doc = z.strictObject({
  title: name.describe('The page title: one line of plain text.'),
  description: z.string().optional().describe('One sentence shown under the title and in search results.'),
  classification: classification.default('public'),
  sidebar: z
    .strictObject({
      order: z.number().optional().describe('Lower numbers come first; pages without an order follow, by address.'),
      label: z.string().optional().describe('The link\'s text in the navigation (default: the title).'),
      hidden: z.boolean().optional().describe('`true` keeps the page out of the navigation (it is still built and searchable).'),
      badge: z
        .union([
          z.string(),
          z.strictObject({
            text: z.string().describe('The badge\'s text.'),
            variant: z.enum(['note', 'tip', 'caution', 'danger', 'success', 'default']).optional().describe('Its colour.'),
          }),
        ])
        .optional()
        .describe('A badge beside the link, as text (`New`) or `{ text, variant }`.'),
    })
    .optional()
    .describe('Where the page sits in the handbook\'s navigation (Starlight\'s `sidebar`, without `attrs`).'),
  template: z.enum(['doc', 'splash']).optional().describe('`splash` is a wide page without sidebars (Starlight\'s `template`).'),
  tableOfContents: z
    .union([z.boolean(), z.strictObject({ minHeadingLevel: headingLevel.optional(), maxHeadingLevel: headingLevel.optional() })])
    .optional()
    .describe('`false` hides the page\'s table of contents; `{ minHeadingLevel, maxHeadingLevel }` chooses its depth.'),
  lastUpdated: z.union([isoDate, z.boolean()]).optional().describe('A date shown as the last update, or `false` to hide it.'),
  editUrl: z.union([webAddress, z.literal(false)]).optional().describe('Where "edit this page" leads instead of the repository\'s file, or `false` for no edit link.'),
  pagefind: z.boolean().optional().describe('`false` leaves the page out of search.'),
  draft: z.boolean().optional().describe('`true` builds the page only in `npm run dev`, never in a published site.'),
  hero: z
    .strictObject({
      title: name.optional().describe('The hero\'s heading (default: the title): one line of plain text.'),
      tagline: z.string().optional().describe('A line under it, shown as text.'),
      actions: z
        .array(
          z.strictObject({
            text: name.describe('The button\'s text: one line of plain text.'),
            link: pageLink.describe('Where it leads.'),
            variant: z.enum(['primary', 'secondary', 'minimal']).optional().describe('Its style.'),
          }),
        )
        .max(4)
        .optional()
        .describe('Up to four buttons.'),
    })
    .optional()
    .describe('A large heading block for a landing page (Starlight\'s `hero`, without `image`).'),
  banner: z.strictObject({ content: z.string().describe('The banner\'s text (shown as text, not HTML).') }).optional().describe('A notice across the top of the page.'),
});

// ── Project records ────────────────────────────────────────────────────────────────────────────────

/** What a lesson is about; a workstream's `category` uses the same words, so lessons can be matched to work. */
const lessonCategory = z.enum(['planning', 'stakeholders', 'data', 'architecture', 'testing', 'providers', 'security', 'governance', 'budget', 'schedule']);

const workstream = z.strictObject({
  id: id.describe('The workstream id, used by milestones and the RACI.'),
  title: name.describe('The workstream\'s name.'),
  category: lessonCategory.optional().describe('What kind of work it is, in the words lessons are filed under (`data`, `testing`, `providers`…); the `lessons` rule matches the lessons a project applies to its workstreams by it.'),
});

export const charter = z.strictObject({
  ...base,
  status: z.enum(['proposed', 'active', 'closed', 'cancelled']).describe('Whether the project is proposed, active, closed or cancelled.'),
  phase: z.enum(['planning', 'execution', 'handover', 'closed']).describe('The project\'s phase; it decides which records coverage requires.'),
  start: isoDate.describe('When the project started or starts.'),
  end: isoDate.describe('When the project is planned to end.'),
  statusCadenceDays: z.number().int().positive().optional().describe('Days allowed between status reports while active; overrides the configured default.'),
  sponsors: z.array(id).min(1, { error: 'name at least one sponsor (a stakeholder id)' }).describe('The ids of the sponsors in the stakeholder register.'),
  organisations: z.array(id).min(1).describe('The ids of the organisations involved.'),
  systems: z.array(id).default([]).describe('The ids of the systems in scope; each must appear in an architecture diagram.'),
  workstreams: z.array(workstream).min(1).describe('The project\'s workstreams.'),
  providers: z
    .array(
      z.strictObject({
        provider: id.describe('The provider\'s id.'),
        role: name.describe('What the provider does on this project.'),
        from: isoDate.describe('When the engagement started.'),
        to: isoDate.optional().describe('When the engagement ended, if it has.'),
      }),
    )
    .default([])
    .describe('External providers engaged on the project; each is evaluated every period.'),
  policies: z.array(id).default([]).describe('The ids of the policies the project follows.'),
  regulations: z
    .array(z.strictObject({ id, title: name, regulator: id.optional().describe('The id of the regulator organisation.') }))
    .default([])
    .describe('Legislation, regulations and external standards the project must comply with.'),
  approach: z
    .enum(['big-bang', 'phased', 'parallel-run', 'pilot', 'coexistence'])
    .describe('The integration approach; the Approach section explains why.'),
  externalFactors: z
    .array(z.strictObject({ factor: prose, impact: prose, response: prose }))
    .default([])
    .describe('Factors outside the project that may affect it, with their impact and the response.'),
  sources: z
    .array(
      z.strictObject({
        title: name.describe('What the information is.'),
        owner: name.describe('Who owns it.'),
        verified: isoDate.describe('When its accuracy and currency were last verified.'),
        url: z.string().optional(),
      }),
    )
    .default([])
    .describe('Information the project relies on; `currency` warns when one was not verified recently.'),
  lessonsApplied: z
    .array(
      z.strictObject({
        project: id.describe('The id of the project the lesson comes from.'),
        lesson: id.describe('The id of the lesson in that project\'s lessons record.'),
        how: prose.describe('How this project applies it.'),
      }),
    )
    .default([])
    .describe('Lessons from other projects that this project applies. Once the project is past planning, an empty list is not evidence of applying lessons: cite lessons, or say why none applies in `lessonsNotApplicable`.'),
  lessonsNotApplicable: z
    .string()
    .optional()
    .describe('Why no lesson from earlier projects applies to this project, when `lessonsApplied` is empty: the reason an auditor reads instead of cited lessons (for example, no earlier project has recorded lessons).'),
});

const raci = z.enum(['R', 'A', 'C', 'I']);

/** What a plan milestone marks (issue 14: coordination and handover). */
export const MILESTONE_KINDS = ['design', 'build', 'test', 'cutover', 'handover', 'decommission', 'other'] as const;
const milestoneKind = z.enum(MILESTONE_KINDS);

export const stakeholders = z.strictObject({
  ...base,
  stakeholders: z
    .array(
      z.strictObject({
        id: id.describe('The stakeholder id, used by sponsors, owners, approvers and sign-offs.'),
        name: name.describe('The person\'s name.'),
        role: name.describe('Their job title or role.'),
        organisation: id.describe('The id of their organisation.'),
        kind: z.enum(['sponsor', 'stakeholder', 'external-body', 'provider-contact']).describe('Their relationship to the project.'),
        signoff: z.boolean().default(false).describe('Whether they are a sign-off authority.'),
        raci: z.record(id, raci).default({}).describe('Their RACI letter (R, A, C, I) per workstream id.'),
        comms: z
          .strictObject({
            cadence: z.enum(['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'milestone']),
            channel: name,
          })
          .optional()
          .describe('How often and through which channel they are kept informed.'),
      }),
    )
    .min(1)
    .describe('The stakeholder register.'),
});

export const plan = z.strictObject({
  ...base,
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'use a three-letter ISO 4217 code such as GBP' }).describe('The ISO 4217 currency of every amount.'),
  budget: z
    .array(
      z.strictObject({
        line: id.describe('The budget line id.'),
        title: name.describe('What the line pays for.'),
        amount: money.describe('The approved amount.'),
        actual: money.default(0).describe('Spent so far.'),
        baseline: money.optional().describe('The amount the plan was first approved with, before change requests; give it once an approved change moves the line. The `change-control` rule reconciles `amount` - `baseline` with the approved changes on the line.'),
      }),
    )
    .min(1)
    .describe('Budget lines.'),
  contingency: money.default(0).describe('Contingency held outside the lines.'),
  contingencyBaseline: money.optional().describe('The contingency the plan was first approved with, before change requests drew on it or added to it; give it once an approved change moves contingency. The `change-control` rule reconciles the movement with the approved changes.'),
  total: money.describe('The approved total: the lines plus contingency.'),
  milestones: z
    .array(
      z.strictObject({
        id: id.describe('The milestone id.'),
        title: name.describe('The milestone\'s name.'),
        workstream: id.describe('The id of the workstream in the charter.'),
        owner: id.describe('The id of the owner in the stakeholder register.'),
        due: isoDate,
        baseline: isoDate.optional().describe('The due date the plan was first approved with; give it once the milestone moves, so the move is visible (an approved change that moves the milestone needs `due` later than `baseline`).'),
        done: isoDate.optional().describe('When it was achieved.'),
        dependsOn: z.array(id).default([]).describe('Ids of milestones that must be done first.'),
        // ── Coordination and handover (issue 14) ──
        kind: milestoneKind.optional().describe('What the milestone marks: `design`, `build`, `test` (a test exit), `cutover`, `handover`, `decommission` or `other`. The `handover` rule reads it: a handover depends on a test exit, the handover phase needs the handover done and signed off, a retiring system needs a decommission milestone.'),
        receivedBy: id.optional().describe('For a `handover` milestone: the id of the organisation that receives what is handed over; a sign-off authority of that organisation signs the handover off.'),
        systems: z.array(id).optional().describe('The ids of the systems the milestone concerns: a `decommission` milestone names the systems it retires.'),
      }),
    )
    .min(1)
    .describe('The plan\'s milestones.'),
});

const severity = z.enum(['low', 'medium', 'high', 'critical']);

export const statusReport = z.strictObject({
  ...base,
  date: isoDate.describe('The reporting date; the file is named after it.'),
  rag: z.enum(['red', 'amber', 'green']).describe('Overall status.'),
  spend: z.strictObject({ toDate: money, forecast: money }).describe('Spend to date and forecast at completion.'),
  milestonesAtRisk: z.array(id).default([]).describe('Ids of plan milestones at risk or overdue.'),
  compliance: z
    .array(
      z.strictObject({
        regulation: id.describe('The id of a regulation in the charter.'),
        status: z.enum(['compliant', 'at-risk', 'non-compliant']).describe('Whether the work complies; `at-risk` and `non-compliant` need an open issue, named in `issue`.'),
        note: z.string().optional(),
        issue: id.optional().describe('The id of the open issue in this report\'s `issues` that deals with the risk or breach: required when `status` is `at-risk` or `non-compliant`.'),
      }),
    )
    .default([])
    .describe('Compliance per regulation: one entry for every regulation the charter names.'),
  architecture: z
    .strictObject({
      aligned: z.boolean().describe('Whether the work is aligned with the target architecture.'),
      deviations: z
        .array(
          z.strictObject({
            id: id.optional().describe('The deviation id, stable across reports, so a deviation carried from report to report is recognised.'),
            description: prose.describe('How the work departs from the target architecture.'),
            action: prose.describe('What is being done about it.'),
            owner: id.optional().describe('The id of the owner in the stakeholder register: required when `aligned` is false.'),
            decision: z.string().optional().describe('The decision taken on it and by whom, for example "Accepted as temporary by the Architecture Review Board on 15 October": required when `aligned` is false.'),
            due: isoDate.optional().describe('When the deviation is to be resolved or its decision reviewed: required when `aligned` is false.'),
          }),
        )
        .default([])
        .describe('Known departures from the target architecture; `aligned: false` needs at least one, with an owner, a decision and a due date.'),
    })
    .describe('Alignment with the systems architecture.'),
  quality: z
    .strictObject({
      openDefects: z.number().int().nonnegative(),
      summary: prose,
    })
    .describe('Quality of the integration deliverables.'),
  issues: z
    .array(
      z.strictObject({
        id: id.describe('The issue id, stable across reports.'),
        title: name.describe('The issue in a few words.'),
        severity,
        owner: id.optional().describe('The id of the owner in the stakeholder register.'),
        action: z.string().optional().describe('What is being done about it.'),
        due: isoDate.optional().describe('When the action is due.'),
        closed: isoDate.optional().describe('When the issue was closed.'),
        budgetLine: id.optional().describe('The budget line the issue concerns, if any.'),
        milestone: id.optional().describe('The milestone the issue concerns, if any.'),
      }),
    )
    .default([])
    .describe('Issues open or closed in this period.'),
  security: z
    .array(
      z.strictObject({
        id: id.describe('The incident id, stable across reports.'),
        date: isoDate.describe('When the incident happened.'),
        description: prose.describe('What happened.'),
        severity,
        action: prose.describe('What is being done about it: a real action, not `tbd` or `n/a`.'),
        owner: id.optional().describe('The id of the owner in the stakeholder register: the `security` rule requires it.'),
        due: isoDate.optional().describe('When the action is due: the `security` rule requires it.'),
        closed: isoDate.optional().describe('When the incident was closed.'),
      }),
    )
    .default([])
    .describe('Security or integrity incidents in this period.'),
});

const score = z.number().int().min(1, { error: 'scores run from 1 to 5' }).max(5, { error: 'scores run from 1 to 5' });

export const evaluation = z.strictObject({
  ...base,
  provider: id.describe('The id of the provider evaluated.'),
  period: z.string().regex(/^\d{4}-(Q[1-4]|H[12]|(0[1-9]|1[0-2]))$/, { error: 'periods look like 2026-Q2, 2026-H1 or 2026-05' }).describe('The period evaluated: `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM`.'),
  evaluator: id.optional().describe('The id of the evaluator in the stakeholder register.'),
  scores: z
    .strictObject({ quality: score, timeliness: score, cost: score, communication: score, security: score })
    .describe('Scores from 1 (poor) to 5 (excellent).'),
  actions: z
    .array(z.strictObject({ action: prose, owner: id, due: isoDate, closed: isoDate.optional() }))
    .default([])
    .describe('Actions agreed with the provider; a score under the threshold needs one.'),
});

export const changeRequest = z.strictObject({
  ...base,
  requestedBy: id.describe('The id of the requester in the stakeholder register.'),
  raised: isoDate.describe('When the change was raised.'),
  impact: z
    .strictObject({
      budget: z.number().min(-MAX_AMOUNT, { error: 'a budget impact below -1,000,000,000,000 is refused: check the figure' }).max(MAX_AMOUNT, { error: 'a budget impact above 1,000,000,000,000 is refused: check the figure' }).default(0).describe('Change to the budget, in the plan\'s currency (negative for savings).'),
      budgetLine: id.optional().describe('The plan budget line affected.'),
      fundedFrom: z.enum(['contingency', 'new-funding']).optional().describe('Where a budget impact on a line comes from (or, for a saving, goes to): `contingency` moves money between the line and the plan\'s contingency, leaving the total unchanged; `new-funding` raises (or lowers) the approved total. Required for an approved change with a budget impact on a line.'),
      scheduleDays: z.number().int().default(0).describe('Days added to (or, negative, removed from) the schedule.'),
      milestones: z.array(id).default([]).describe('The ids of the plan milestones the change moves; required when `scheduleDays` is positive.'),
      scope: prose.describe('What changes in scope.'),
    })
    .describe('The change\'s impact.'),
  decision: z.enum(['pending', 'approved', 'rejected', 'deferred']).describe('The decision.'),
  approver: id.optional().describe('The id of the decision maker in the stakeholder register: a sign-off authority. Required once the change is approved or rejected.'),
  decided: isoDate.optional().describe('When it was decided: on or after `raised`. Required once the change is approved or rejected.'),
});

export const signoff = z.strictObject({
  ...base,
  signoffs: z
    .array(
      z.strictObject({
        deliverable: name.describe('What is signed off.'),
        record: z.string().optional().describe('The project record signed off, as a path inside the project without extension (for example `plan` or `status/2026-05-01`).'),
        by: id.describe('The id of a sign-off authority in the stakeholder register.'),
        date: isoDate,
        conditions: z.string().optional().describe('Conditions attached to the sign-off.'),
        milestone: id.optional().describe('The id of the plan milestone whose deliverable this signs off; the `handover` rule looks for the sign-off of the `handover` milestone here.'),
      }),
    )
    .min(1)
    .describe('Sign-offs given.'),
});

export const lessons = z.strictObject({
  ...base,
  lessons: z
    .array(
      z.strictObject({
        id: id.describe('The lesson id; other projects refer to it in `lessonsApplied`.'),
        category: lessonCategory.describe('What the lesson is about; projects apply it to workstreams of the same `category`.'),
        what: prose.describe('What happened.'),
        recommendation: prose.describe('What future projects should do.'),
      }),
    )
    .min(1)
    .describe('Lessons learned.'),
});

// ── Engagement log (issue 14) ──────────────────────────────────────────────────────────────────────

export const engagement = z.strictObject({
  ...base,
  date: isoDate.describe('When the communication happened; the file name starts with it (`<date>-<topic>.mdx`).'),
  audience: z
    .strictObject({
      stakeholders: z.array(id).default([]).describe('The ids of the stakeholders engaged, from the project\'s register.'),
      organisations: z.array(id).default([]).describe('The ids of the organisations engaged as a whole (a briefing to everyone at a partner).'),
    })
    .refine((a) => a.stakeholders.length + a.organisations.length > 0, { error: 'name at least one stakeholder or organisation engaged' })
    .describe('Who was engaged: stakeholders by id, or whole organisations by id.'),
  channel: z
    .enum(['meeting', 'workshop', 'call', 'email', 'report', 'briefing', 'other'])
    .describe('How: `meeting`, `workshop`, `call`, `email`, `report`, `briefing` or `other`.'),
  topic: name.describe('What the communication was about, in a few words.'),
  decisions: z.array(prose).default([]).describe('Decisions taken or communicated.'),
  followUps: z
    .array(
      z.strictObject({
        action: z.string().describe('What will be done: a real action, not `tbd` or `n/a`.'),
        owner: id.optional().describe('The id of the owner in the stakeholder register: the `engagement` rule requires it.'),
        due: isoDate.optional().describe('When it is due: the `engagement` rule requires it.'),
        closed: isoDate.optional().describe('When it was done.'),
      }),
    )
    .default([])
    .describe('Follow-up actions agreed, each with an owner and a due date.'),
});

export type Standard = z.output<typeof standard>;
export type Organisation = z.output<typeof organisation>;
export type System = z.output<typeof system>;
export type InterfaceContract = z.output<typeof interfaceContract>;
export type Provider = z.output<typeof provider>;
export type Policy = z.output<typeof policy>;
export type Doc = z.output<typeof doc>;
export type Charter = z.output<typeof charter>;
export type StakeholderRegister = z.output<typeof stakeholders>;
export type Plan = z.output<typeof plan>;
export type StatusReport = z.output<typeof statusReport>;
export type Evaluation = z.output<typeof evaluation>;
export type ChangeRequest = z.output<typeof changeRequest>;
export type Signoff = z.output<typeof signoff>;
export type Lessons = z.output<typeof lessons>;
export type Engagement = z.output<typeof engagement>;
