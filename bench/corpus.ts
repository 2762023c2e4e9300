// The benchmark corpus: the example content (its shared collections and its three projects) plus
// generated projects, every one different — its own id and name, people, organisation, systems,
// amounts, dates, milestones, status reports, evaluations, change requests and Mermaid diagrams with
// their own nodes and edges — and every one lint-clean under every rule. Deterministic from a seed: the
// same seed writes byte-identical files, another seed writes other projects.
//
// Shared content stays consistent with the projects: each generated project belongs to a generated
// target organisation (one for every few projects) whose legacy systems are generated into the systems
// catalogue with the interfaces the project's diagram draws; the acquirer (Harbour Mutual), its systems,
// regulators, providers, policies and standards are the example's. Dates are relative to `today`, the
// date the benchmark lints with (`--today`), so status cadence, overdue milestones and provider periods
// hold whatever the calendar says.
//
// The rules that read across records hold too: every interface a project's scope can join carries a
// contract (the copied Harbour records gain one where the example has none); each plan ends with a test
// exit, a handover to Harbour (signed off by its sponsor once done) and the decommissioning of its legacy
// systems, which are `retiring` only when some project has them in scope; closed projects bring the
// catalogue entry of every system in scope up to date; and the engagement log holds a project board in
// every reporting period and, while a project is active, a stand-up in the last two days, each addressed
// to everyone in the register, so every organisation and every cadence is met.
//
// Usage: generateCorpus(dir, projects, seed) — `projects` counts the example's three.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const CONTENT = resolve(import.meta.dirname, '..', 'content');
/** The date the benchmark lints with (`seam lint --today`). */
export const CORPUS_TODAY = '2026-11-20';

/**
 * The seam.config.yaml of a workspace whose corpus lies at `content` (relative to the config): the
 * corpus's reference date, and its primary standard — the example holds two catalogues, and without a
 * primary one every unqualified criterion id is reported, so the corpus would not be clean.
 */
export function corpusConfig(content: string): string {
  return `content: ${content}\ntoday: ${CORPUS_TODAY}\nstandards:\n  primary: eskitp5045\n`;
}

// ---------------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): fast, 32-bit state, the same sequence for the same seed everywhere.

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct elements, in a random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates, as ISO strings, in UTC.

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(ms(d) + n * DAY);
const days = (a: string, b: string) => Math.round((ms(b) - ms(a)) / DAY);
const monthEnd = (year: number, month0: number) => iso(Date.UTC(year, month0 + 1, 0));
const long = (d: string) => new Date(ms(d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const money = (n: number) => `£${n.toLocaleString('en-GB')}`;
const quarterOf = (d: string) => ({ year: Number(d.slice(0, 4)), q: Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1 });
const quarterEnd = (year: number, q: number) => monthEnd(year, q * 3 - 1);
const quarterStart = (year: number, q: number) => iso(Date.UTC(year, (q - 1) * 3, 1));

// ---------------------------------------------------------------------------------------------------
// Vocabulary.

const FIRST = ['Aisha', 'Alistair', 'Amara', 'Beatrice', 'Callum', 'Carys', 'Declan', 'Delyth', 'Eamon', 'Esther', 'Farah', 'Fergus', 'Gemma', 'Hamish', 'Imogen', 'Isaac', 'Jasmine', 'Kieran', 'Leila', 'Lewis', 'Maeve', 'Malik', 'Niamh', 'Nikhil', 'Orla', 'Patrick', 'Priyanka', 'Rhys', 'Rosalind', 'Samir', 'Tamsin', 'Theo', 'Ursula', 'Victor', 'Wendy', 'Yusuf', 'Zara', 'Bronwen', 'Cormac', 'Dominika', 'Elif', 'Gideon', 'Harriet', 'Ingrid', 'Jonah', 'Kofi', 'Lorna', 'Mateusz', 'Nell', 'Omar'];
const LAST = ['Abernethy', 'Achebe', 'Bainbridge', 'Blackwood', 'Carmichael', 'Chaudhry', 'Dalgleish', 'Dunmore', 'Ellison', 'Fairbairn', 'Ferreira', 'Galloway', 'Gillespie', 'Haldane', 'Hargreaves', 'Iqbal', 'Jankowski', 'Kavanagh', 'Kirkpatrick', 'Lockhart', 'MacLeod', 'Mahoney', 'Mwangi', 'Nakamura', 'Oduya', 'Pemberton', 'Quinlan', 'Rahman', 'Radcliffe', 'Sandoval', 'Sinclair', 'Thorne', 'Trevelyan', 'Underwood', 'Vasquez', 'Wainwright', 'Whitaker', 'Yardley', 'Zielinski', 'Ashcroft', 'Bellamy', 'Corrigan', 'Drummond', 'Everett', 'Fitzgerald', 'Greenhalgh', 'Holloway', 'Ingram', 'Jardine', 'Kettering'];
const PLACE = ['Ashby', 'Bramley', 'Caldbeck', 'Dunholme', 'Eskdale', 'Fairhaven', 'Glenmore', 'Hartfield', 'Ilkley', 'Kelso', 'Langdale', 'Marsden', 'Northwold', 'Oakridge', 'Pendle', 'Redmire', 'Saltburn', 'Thornbury', 'Upwell', 'Wensley', 'Alnmouth', 'Brackley', 'Coldstream', 'Dovercourt', 'Elmswell', 'Frampton', 'Grassington', 'Hawkshead', 'Kirkby', 'Lowther'];
const KIND = ['Assurance', 'Life', 'Insurance', 'Mutual', 'Friendly Society', 'Protection', 'Health', 'General'];
const CITY = ['Leeds', 'Norwich', 'Cardiff', 'Edinburgh', 'Glasgow', 'York', 'Exeter', 'Belfast', 'Newcastle', 'Nottingham', 'Bath', 'Chester'];

/** Harbour Mutual's people (shared by every project, as one acquirer's staff are). */
const HARBOUR_ROLES = [
  'Chief Operating Officer', 'Chief Financial Officer', 'Chief Information Officer', 'Director of Operations',
  'Integration Programme Manager', 'Head of Systems Integration', 'Head of Data', 'Test Manager',
  'Enterprise Architect', 'Data Protection Officer', 'Chief Information Security Officer', 'Head of Customer Operations',
  'Head of Claims Operations', 'Group Financial Controller', 'Head of People Systems', 'Head of Broker Distribution',
];

/** A legacy system kind: what a target organisation's system does and which Harbour systems it can talk to. */
const LEGACY = [
  { key: 'policy-admin', label: 'policy administration', targets: ['policy-admin', 'integration-platform', 'billing', 'data-warehouse'], data: ['personal', 'special-category', 'financial'], vendors: ['Sapiens ALIS', 'in-house COBOL on IBM z/OS', 'Majesco Policy', 'in-house RPG on IBM i'] },
  { key: 'claims', label: 'claims', targets: ['claims', 'integration-platform', 'document-management'], data: ['personal', 'special-category', 'financial'], vendors: ['Guidewire ClaimCenter 8', 'in-house .NET', 'Duck Creek Claims'] },
  { key: 'ledger', label: 'general ledger', targets: ['general-ledger', 'integration-platform', 'data-warehouse'], data: ['financial', 'commercial'], vendors: ['Oracle E-Business Suite 12', 'Sage 200', 'Microsoft Dynamics GP'] },
  { key: 'crm', label: 'customer relationship management', targets: ['crm', 'integration-platform', 'broker-portal'], data: ['personal', 'commercial'], vendors: ['Microsoft Dynamics 365', 'Salesforce Sales Cloud', 'in-house Java'] },
  { key: 'documents', label: 'document store', targets: ['document-management', 'integration-platform'], data: ['personal', 'special-category'], vendors: ['OpenText Content Server', 'SharePoint 2016', 'IBM FileNet'] },
  { key: 'payroll', label: 'payroll and HR', targets: ['hr', 'general-ledger', 'identity'], data: ['personal', 'financial'], vendors: ['Sage People', 'ADP iHCM', 'Cezanne HR'] },
  { key: 'reporting', label: 'reporting data mart', targets: ['data-warehouse', 'integration-platform'], data: ['personal', 'financial', 'operational'], vendors: ['SQL Server 2016', 'Teradata', 'Oracle 12c'] },
] as const;
type LegacyKind = (typeof LEGACY)[number];

const HARBOUR_SYSTEM_LABEL: Record<string, string> = {
  'policy-admin': 'Policy administration', 'integration-platform': 'Integration platform', billing: 'Billing and payments',
  'data-warehouse': 'Enterprise data warehouse', claims: 'Claims', 'document-management': 'Document management',
  'general-ledger': 'Group general ledger', crm: 'CRM', 'broker-portal': 'Broker and adviser portal', hr: 'HR and payroll',
  identity: 'Identity and access management',
};

const PROTOCOLS = ['REST/JSON', 'SFTP batch', 'IBM MQ', 'Kafka events', 'SOAP/XML', 'REST/JSON over mutual TLS', 'nightly CSV extract'];
const FLOWS = ['customer and policy records', 'premium journals', 'claims notifications', 'document images and indexes', 'payroll journals', 'reference data', 'member eligibility look-ups', 'payment confirmations', 'adviser hierarchy updates', 'daily balances'];
const VERBS = ['migrates', 'consolidates', 'moves', 'replatforms'];

const PROVIDERS = [
  { id: 'kestrel-data-migration', label: 'Kestrel', start: '2025-01-27', end: '2027-07-31', role: 'Profiling, mapping, extraction, trial migrations and reconciliation', category: 'data' },
  { id: 'brightwater-integration', label: 'Brightwater', start: '2026-03-23', end: '2027-06-30', role: 'Design and build of the interfaces needed while both estates coexist', category: 'architecture' },
  { id: 'northgate-assurance', label: 'Northgate', start: '2025-03-17', end: '2027-09-30', role: 'System integration testing and independent reconciliation testing', category: 'testing' },
] as const;
const PROVIDER_CONTACT: Record<string, { first: string; last: string; role: string }[]> = {
  'kestrel-data-migration': [{ first: 'Grace', last: 'Whitfield', role: 'Migration Lead' }, { first: 'Stuart', last: 'Nevin', role: 'Extraction Lead' }],
  'brightwater-integration': [{ first: 'Oliver', last: 'Mensah', role: 'Principal Integration Consultant' }, { first: 'Hattie', last: 'Coombes', role: 'Delivery Manager' }],
  'northgate-assurance': [{ first: 'Rebecca', last: 'Lund', role: 'Test Assurance Lead' }, { first: 'Marcus', last: 'Fell', role: 'Test Manager' }],
};

const REGULATIONS = [
  { id: 'uk-gdpr', title: 'UK GDPR and the Data Protection Act 2018', regulator: 'information-rights-office' },
  { id: 'consumer-duty', title: 'Consumer outcomes rules - fair treatment and clear communication', regulator: 'prudential-oversight-authority' },
  { id: 'operational-resilience', title: 'Operational resilience rules - important business services within impact tolerance', regulator: 'prudential-oversight-authority' },
  { id: 'pci-dss', title: 'PCI DSS v4.0 - card payment data security standard' },
  { id: 'solvency-reporting', title: 'Solvency UK prudential reporting - quarterly quantitative returns', regulator: 'prudential-oversight-authority' },
] as const;
const REGULATOR_CONTACT: Record<string, { name: string; role: string }> = {
  'information-rights-office': { name: 'Petra Vance', role: 'Case Officer, Information Rights Office' },
  'prudential-oversight-authority': { name: 'Amelia Grant', role: 'Supervision Manager for Harbour Mutual' },
};

/** Workstreams a project may have; the categories are the words lessons are filed under. */
const WORKSTREAMS = [
  { id: 'data-migration', title: 'Data migration and reconciliation', category: 'data' },
  { id: 'interfaces', title: 'Interfaces and coexistence', category: 'architecture' },
  { id: 'testing', title: 'Testing and assurance', category: 'testing' },
  { id: 'business-change', title: 'Business change and communications', category: 'stakeholders' },
  { id: 'cutover', title: 'Cutover, hypercare and handover', category: 'governance' },
  { id: 'security', title: 'Security and access', category: 'security' },
  { id: 'supplier-management', title: 'Supplier management', category: 'providers' },
] as const;

/** The example's closed project's lessons by category: the lessons every generated project can cite. */
const EXAMPLE_LESSONS: Record<string, string> = {
  data: 'reconcile-balances-from-first-trial',
  security: 'mask-test-data-at-source',
  governance: 'name-cutover-decision-makers',
  providers: 'score-providers-from-kick-off',
  stakeholders: 'backfill-legacy-experts-early',
};
/** Categories generated lessons are filed under: those the example has lessons for, so a workstream's citation can match. */
const LESSON_CATEGORIES = Object.keys(EXAMPLE_LESSONS);
const LESSON_TEXT: Record<string, { what: string; recommendation: string }[]> = {
  data: [
    { what: 'Duplicate customer records were found during the second trial rather than during profiling, which added two weeks of cleansing.', recommendation: 'Profile duplicates in the source system before mapping starts and cleanse them in the source, not in the migration tooling.' },
    { what: 'Reference codes changed in the source after mapping was approved, so the third trial failed on unknown codes.', recommendation: 'Freeze reference data when mapping starts and route every addition through change control with the mapping updated.' },
  ],
  security: [
    { what: 'A test extract was copied to a shared drive before masking, and the copy was found a week later by internal audit.', recommendation: 'Mask extracts inside the production boundary and have the receiving test lead check the masking certificate before loading.' },
  ],
  governance: [
    { what: 'The cutover decision waited an hour because nobody present was recorded as a sign-off authority.', recommendation: 'Name a decision maker and a deputy for every go or no-go point and rehearse the call at the dress rehearsal.' },
  ],
  providers: [
    { what: 'The provider\'s slow defect turnaround was discussed informally for six weeks before any action was agreed.', recommendation: 'Agree scorecards with every provider at kick-off and score each quarter from the first, with actions for low scores.' },
  ],
  stakeholders: [
    { what: 'The only person who understood the legacy interfaces was also needed for month-end, so design decisions queued for days.', recommendation: 'Identify legacy experts at charter stage and budget for backfilling their day jobs from the first month.' },
  ],
};

const ISSUES = [
  { id: 'test-environment-availability', title: 'Shared test environment unavailable for part of the cycle', severity: 'medium', action: 'Book a dedicated environment window with the platform team and re-plan the affected test runs.' },
  { id: 'source-data-quality', title: 'Source data quality lower than profiled', severity: 'high', action: 'Extend cleansing in the source system and add a data quality gate before the next trial.' },
  { id: 'supplier-resourcing', title: 'Provider lead developer unavailable for three weeks', severity: 'medium', action: 'Provider to supply a named replacement with a two-day handover, confirmed at the weekly review.' },
  { id: 'interface-defects', title: 'Interface defects found in contract testing', severity: 'medium', action: 'Fix the defects in the next fortnightly release and re-run the contract tests before system testing.' },
  { id: 'legacy-expert-availability', title: 'Legacy system expert needed for month-end close', severity: 'low', action: 'Backfill month-end duties from the internal-team line so the expert stays on the project.' },
  { id: 'firewall-change-pending', title: 'Firewall change between the estates not yet scheduled', severity: 'medium', action: 'Raise the change with the network supplier for the next change window and track it at the stand-up.' },
] as const;

// ---------------------------------------------------------------------------------------------------
// The corpus's shared pieces: people, target organisations and their systems.

interface Person { id: string; name: string; role: string; organisation: string }
interface System { id: string; title: string; kind: LegacyKind; interfaces: { system: string; protocol: string; flow: string }[] }
/** A closed project's entry in a system's `catalogueUpdates`. */
interface CatalogueUpdate { system: string; project: string; date: string; interfaces: string }
interface Target { id: string; name: string; short: string; city: string; line: string; people: Person[]; systems: System[]; projects: number }
interface ClosedLessons { project: string; lessons: { id: string; category: string }[] }

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

class Names {
  private used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }
  /** A unique id from `base`: `base`, else `base-2`, `base-3`… */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

function person(random: Random, names: Names, role: string, organisation: string): Person {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const id = names.take(slug(`${first} ${last}`));
  return { id, name: id === slug(`${first} ${last}`) ? `${first} ${last}` : `${first} ${last} (${id.split('-').at(-1)})`, role, organisation };
}

function makeTarget(random: Random, orgNames: Names, systemNames: Names, personNames: Names): Target {
  const place = random.pick(PLACE);
  const line = random.pick(KIND);
  const name = `${place} ${line}`;
  const id = orgNames.take(slug(name));
  const short = id === slug(name) ? place : `${place} (${id.split('-').at(-1)})`;
  const fullName = id === slug(name) ? name : `${name} (${id.split('-').at(-1)})`;
  const people = [
    person(random, personNames, `Managing Director, ${fullName}`, id),
    person(random, personNames, `IT Manager, ${fullName}`, id),
    person(random, personNames, `Operations Manager, ${fullName}`, id),
  ];
  const kinds = random.sample(LEGACY, random.int(3, 5));
  const systems: System[] = kinds.map((kind) => {
    const sid = systemNames.take(`${id}-${kind.key}`);
    const targets = [kind.targets[0], ...random.sample(kind.targets.slice(1), random.int(1, kind.targets.length - 1))];
    return {
      id: sid,
      title: `${short} ${kind.label}`,
      kind,
      interfaces: targets.map((t) => ({ system: t, protocol: random.pick(PROTOCOLS), flow: random.pick(FLOWS) })),
    };
  });
  // Legacy systems that talk to each other: the first feeds one or two of the others.
  for (const other of systems.slice(1)) if (random.chance(0.5)) systems[0]!.interfaces.push({ system: other.id, protocol: random.pick(PROTOCOLS), flow: random.pick(FLOWS) });
  return { id, name: fullName, short, city: random.pick(CITY), line, people, systems, projects: 0 };
}

function organisationFile(t: Target): string {
  return `---
title: ${t.name}
description: A ${t.line.toLowerCase()} business based in ${t.city}, acquired by Harbour Mutual and being integrated onto Harbour's platforms.
classification: public
kind: target
country: United Kingdom
---

## Role in the integration

${t.name} is a target of [Harbour Mutual](harbour-mutual.mdx)'s integration programme. Its customers, records and people move onto Harbour's platforms in a series of projects, each run under the [integration policy](../policies/integration-policy.mdx) and tracked in this handbook.

Its Managing Director stays responsible for its regulated business until each project hands over, and its IT and operations managers provide the legacy knowledge the projects depend on. It is supervised by the [Prudential Oversight Authority](prudential-oversight-authority.mdx).
`;
}

const AVAILABILITY = ['99.5% 07:00-20:00 UK time on working days', 'the nightly window, 22:00 to 05:00 UK time, every day', '99.9% around the clock', '99% 08:00-18:00 UK time, Monday to Saturday'];
const LATENCY = ['p95 under 800 ms', 'files delivered by 06:00 UK time', 'events delivered within 5 minutes', 'by 07:30 each working day'];
const RECOVERY = ['re-run from the retained file within 4 hours; files kept for 14 days', 'replay from the queue within 2 hours; messages kept for 7 days', 'restart from the last checkpoint within 1 hour', 'resend on request within one working day'];

/**
 * A target's legacy system: `retiring` when some project has it in scope (and that project's plan
 * decommissions it), `live` otherwise. Every interface carries a planned contract owned by the target,
 * since every interface between two systems of a project past planning needs one.
 */
function systemFile(t: Target, s: System, random: Random, inScope: boolean, updates: CatalogueUpdate[]): string {
  const interfaces = s.interfaces
    .map((i) => {
      const data: readonly string[] = s.kind.data;
      const classes = random.sample(data, random.int(1, data.length)).sort((a, b) => data.indexOf(a) - data.indexOf(b));
      return `  - system: ${i.system}\n    protocol: ${i.protocol}\n    description: ${cap(i.flow)} between ${s.title} and ${HARBOUR_SYSTEM_LABEL[i.system] ?? t.systems.find((x) => x.id === i.system)?.title}.
    contract:
      owner: ${t.id}
      direction: ${random.pick(['provider-to-consumer', 'consumer-to-provider', 'both'])}
      dataClasses: [${classes.join(', ')}]
      sla:
        availability: ${yaml(random.pick(AVAILABILITY))}
        latency: ${yaml(random.pick(LATENCY))}
        volumes: ${yaml(`up to ${(random.int(1, 400) * 1000).toLocaleString('en-GB')} records a day`)}
        recovery: ${yaml(random.pick(RECOVERY))}
      standard: interface-standard
      lifecycle: planned`;
    })
    .join('\n');
  const lifecycle = inScope ? 'retiring' : 'live';
  return `---
title: ${s.title}
description: ${inScope ? `${t.name}'s ${s.kind.label} system, retiring as its work moves onto Harbour Mutual's platforms.` : `${t.name}'s ${s.kind.label} system, live until a later project moves its work.`}
owner: ${t.id}
kind: application
lifecycle: ${lifecycle}
vendor: ${random.pick(s.kind.vendors)}
dataClasses:
${s.kind.data.map((d) => `  - ${d}`).join('\n')}
interfaces:
${interfaces}
${updates.length ? `catalogueUpdates:\n${updates.map((u) => catalogueUpdateYaml(u, lifecycle)).join('\n')}\n` : ''}---

## Purpose

${s.title} runs ${t.name}'s ${s.kind.label}. ${inScope ? 'It is retiring:' : 'It will retire:'} the integration projects move its records to Harbour Mutual's platforms and switch it off once the last of them hands over.

## Data held

${cap(s.kind.data.join(', ').replace(/-/g, ' '))} data for ${t.name}'s customers and operations, held in ${t.city}.
`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const catalogueUpdateYaml = (u: CatalogueUpdate, lifecycle: string) => `  - project: ${u.project}\n    date: ${u.date}\n    lifecycle: ${lifecycle}\n    interfaces: ${yaml(u.interfaces)}`;

/**
 * Gives a copied example Harbour record a contract on each interface to another Harbour system that has
 * none: a generated project's scope can hold both ends (the example's projects never do), and every
 * interface between two systems of a project past planning needs a contract.
 */
function withContracts(text: string): string {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  const firstClass = lines[lines.indexOf('dataClasses:') + 1]?.match(/^  - ([\w-]+)$/)?.[1] ?? 'operational';
  const start = lines.indexOf('interfaces:');
  if (start < 0 || start > close) return text;
  const out = lines.slice(0, start + 1);
  let i = start + 1;
  while (i < close && lines[i]!.startsWith('  ')) {
    let j = i + 1;
    while (j < close && lines[j]!.startsWith('    ')) j++;
    const item = lines.slice(i, j);
    out.push(...item);
    const other = item[0]!.match(/^  - system: ([\w-]+)$/)?.[1];
    if (other && HARBOUR_SYSTEM_LABEL[other] && !item.some((l) => l.startsWith('    contract:'))) {
      out.push('    contract:', '      owner: harbour-mutual', '      direction: provider-to-consumer', `      dataClasses: [${firstClass}]`, '      sla:',
        '        availability: "99.5% 07:00-20:00 UK time on working days"',
        '        latency: p95 under 1 second', '        volumes: up to 50,000 messages a day', '        recovery: replay from the source within 4 hours',
        '      standard: interface-standard', '      lifecycle: planned');
    }
    i = j;
  }
  return [...out, ...lines.slice(i)].join('\n');
}

/** Adds closed projects' catalogue updates to a copied example system record, keeping the lifecycle it has. */
function withUpdates(text: string, updates: CatalogueUpdate[]): string {
  const lifecycle = text.match(/^lifecycle: (\w+)$/m)![1]!;
  const items = updates.map((u) => catalogueUpdateYaml(u, lifecycle)).join('\n');
  if (/^catalogueUpdates:$/m.test(text)) return text.replace(/^catalogueUpdates:\n/m, (m) => `${m}${items}\n`);
  const close = text.indexOf('\n---', 3);
  return `${text.slice(0, close)}\ncatalogueUpdates:\n${items}${text.slice(close)}`;
}


// ---------------------------------------------------------------------------------------------------
// One project.

type Phase = 'planning' | 'execution' | 'handover' | 'closed';

const MILESTONES: Record<string, { id: string; title: string }[]> = {
  'data-migration': [
    { id: 'mapping-approved', title: 'Source data profile and mapping approved' },
    { id: 'trial-migration-1', title: 'Trial migration 1 reconciled on a masked sample' },
    { id: 'trial-migration-2', title: 'Trial migration 2 reconciled at full volume' },
    { id: 'final-extract-reconciled', title: 'Final production extract reconciled to source' },
  ],
  interfaces: [
    { id: 'interface-specs-baselined', title: 'Interface specifications baselined' },
    { id: 'coexistence-interface-live', title: 'Coexistence interface live in production' },
  ],
  testing: [
    { id: 'test-strategy-approved', title: 'Test strategy approved' },
    { id: 'sit-exit', title: 'System integration test exit' },
    { id: 'uat-exit', title: 'User acceptance test exit' },
  ],
  'business-change': [
    { id: 'customer-notices-issued', title: 'Customer and adviser notices issued' },
    { id: 'staff-training-complete', title: 'Operations staff trained on the target platform' },
  ],
  cutover: [
    { id: 'dress-rehearsal', title: 'Cutover dress rehearsal completed within the window' },
    { id: 'cutover', title: 'Cutover - work serviced on the target platform' },
    { id: 'hypercare-exit', title: 'Hypercare exit and handover to business-as-usual support' },
  ],
  security: [
    { id: 'access-model-approved', title: 'Access model and masking approach approved' },
    { id: 'penetration-test-passed', title: 'Penetration test of new interfaces passed' },
  ],
  'supplier-management': [
    { id: 'provider-statements-signed', title: 'Provider statements of work signed' },
    { id: 'provider-exit-review', title: 'Provider exit reviews completed' },
  ],
};
/** Every milestone in a sensible delivery order: a project's milestones are dated in this order. */
/** What each milestone marks (the `handover` rule reads `test`, `handover` and `decommission`). */
const MILESTONE_KIND: Record<string, string> = {
  'mapping-approved': 'design', 'access-model-approved': 'design', 'interface-specs-baselined': 'design', 'test-strategy-approved': 'design',
  'trial-migration-1': 'test', 'trial-migration-2': 'test', 'penetration-test-passed': 'test', 'sit-exit': 'test', 'uat-exit': 'test', 'dress-rehearsal': 'test',
  'coexistence-interface-live': 'build', 'final-extract-reconciled': 'build', cutover: 'cutover',
};
const MILESTONE_ORDER = ['provider-statements-signed', 'mapping-approved', 'access-model-approved', 'interface-specs-baselined', 'test-strategy-approved', 'trial-migration-1', 'coexistence-interface-live', 'penetration-test-passed', 'trial-migration-2', 'sit-exit', 'final-extract-reconciled', 'customer-notices-issued', 'staff-training-complete', 'uat-exit', 'dress-rehearsal', 'cutover', 'hypercare-exit', 'provider-exit-review'];

const BUDGET_LINES = [
  { line: 'data-migration', title: 'Data migration - profiling, mapping, trials and live migration' },
  { line: 'integration-build', title: 'Interface design and build' },
  { line: 'testing-assurance', title: 'Integration, reconciliation and resilience testing' },
  { line: 'internal-team', title: 'Project team and backfill for legacy experts' },
  { line: 'platform-licences', title: 'Additional licences and migration environments on the target platforms' },
  { line: 'customer-communications', title: 'Customer and adviser notices and contact centre support' },
  { line: 'decommissioning', title: 'Archive and decommissioning of the legacy systems' },
];

/** Harbour's lead for each workstream: the role that is Accountable for it. */
const LEAD_ROLE: Record<string, string> = {
  'data-migration': 'Head of Data',
  interfaces: 'Head of Systems Integration',
  testing: 'Test Manager',
  'business-change': 'Head of Customer Operations',
  cutover: 'Integration Programme Manager',
  security: 'Chief Information Security Officer',
  'supplier-management': 'Integration Programme Manager',
};
const SPONSOR_ROLES = ['Chief Operating Officer', 'Chief Financial Officer', 'Chief Information Officer', 'Director of Operations'];

interface Context {
  random: Random;
  today: string;
  harbour: Map<string, Person[]>;
  closed: ClosedLessons[];
}

const yaml = (s: string) => (/^[\w ,.'()-]*$/.test(s) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/: |\s#/.test(s) ? s : JSON.stringify(s));

function generateProject(ctx: Context, target: Target, index: number, phase: Phase): { id: string; files: Record<string, string>; lessons?: ClosedLessons; legacy: string[]; updates: CatalogueUpdate[] } {
  const { random, today } = ctx;
  const files: Record<string, string> = {};
  // What the project moves: one to three of the target's legacy systems.
  const legacy = random.sample(target.systems, random.int(1, Math.min(3, target.systems.length)));
  const mainKind = legacy[0]!.kind;
  const title = `${target.short} ${mainKind.label} ${random.pick(['migration', 'consolidation', 'integration', 'replatforming'])}${target.projects > 0 ? ` ${['', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][target.projects] ?? String(target.projects + 1)}` : ''}`.trim();
  target.projects++;
  const id = `${slug(title)}-${String(index).padStart(4, '0')}`;

  // Dates.
  let start: string, end: string;
  if (phase === 'closed') {
    end = addDays(today, -random.int(40, 420));
    start = addDays(end, -random.int(240, 480));
  } else if (phase === 'handover') {
    start = addDays(today, -random.int(300, 560));
    end = addDays(today, random.int(30, 90));
  } else if (phase === 'execution') {
    start = addDays(today, -random.int(150, 520));
    end = addDays(today, random.int(120, 420));
  } else {
    start = addDays(today, random.int(15, 120));
    end = addDays(start, random.int(240, 480));
  }
  const status = phase === 'closed' ? 'closed' : phase === 'planning' ? random.pick(['proposed', 'active']) : 'active';

  // Workstreams: always data migration (lessons match it), then two to four others.
  const workstreams = [WORKSTREAMS[0], ...random.sample(WORKSTREAMS.slice(1), random.int(2, 4))].sort((a, b) => WORKSTREAMS.indexOf(a) - WORKSTREAMS.indexOf(b));

  // Regulations and providers.
  const regulations = [REGULATIONS[0], ...random.sample(REGULATIONS.slice(1), random.int(1, 2))];
  const reportingEnd = phase === 'closed' ? end : today;
  const engagements = phase === 'planning'
    ? []
    : random.sample(PROVIDERS, random.int(1, 3)).flatMap((p) => {
      const earliest = [p.start, addDays(start, 14), addDays(reportingEnd, -random.int(120, 300))].sort().at(-1)!;
      const from = addDays(earliest, random.int(0, 20));
      const to = phase === 'closed' ? addDays(end, -random.int(5, 30)) : undefined;
      if (days(from, to ?? today) < 45 || (to && to > p.end)) return [];
      return [{ provider: p, from, to }];
    }).sort((a, b) => PROVIDERS.indexOf(a.provider) - PROVIDERS.indexOf(b.provider));

  // People.
  const harbourPerson = (role: string) => random.pick(ctx.harbour.get(role)!);
  const sponsor = harbourPerson(random.pick(SPONSOR_ROLES));
  const leads = new Map<string, Person>();
  for (const w of workstreams) {
    const role = LEAD_ROLE[w.id]!;
    const already = [...leads.values()].find((p) => p.role === role);
    leads.set(w.id, already ?? harbourPerson(role));
  }
  const programmeManager = [...leads.values()].find((p) => p.role === 'Integration Programme Manager') ?? harbourPerson('Integration Programme Manager');
  const others = ['Enterprise Architect', 'Data Protection Officer', 'Head of Systems Integration'].map(harbourPerson);
  const harbourPeople = [...new Map([sponsor, programmeManager, ...leads.values(), ...others].map((p) => [p.id, p])).values()];
  const signoffIds = new Set([sponsor.id, leads.get('data-migration')!.id, target.people[0]!.id]);
  const regulators = [...new Set(regulations.flatMap((r) => ('regulator' in r ? [r.regulator] : [])))];
  const providerContacts = engagements.map((e) => {
    const c = random.pick(PROVIDER_CONTACT[e.provider.id]!);
    return { id: slug(`${c.first} ${c.last}`), name: `${c.first} ${c.last}`, role: `${c.role}, ${e.provider.label}`, organisation: e.provider.id, category: e.provider.category };
  });

  const cadence = ['daily', 'weekly', 'fortnightly', 'monthly'] as const;
  const raciFor = (letters: (w: (typeof workstreams)[number]) => string) => workstreams.map((w) => `      ${w.id}: ${letters(w)}`).join('\n');
  const entry = (p: Person, kind: string, signoff: boolean, raci: string | undefined, comms: string, channel: string) =>
    `  - id: ${p.id}\n    name: ${yaml(p.name)}\n    role: ${yaml(p.role)}\n    organisation: ${p.organisation}\n    kind: ${kind}\n    signoff: ${signoff}\n${raci ? `    raci:\n${raci}\n` : ''}    comms:\n      cadence: ${comms}\n      channel: ${channel}`;
  const register: string[] = [];
  for (const p of harbourPeople) {
    const isSponsor = p.id === sponsor.id;
    register.push(entry(p, isSponsor ? 'sponsor' : 'stakeholder', signoffIds.has(p.id) || p.role === 'Head of Systems Integration',
      raciFor((w) => (leads.get(w.id)!.id === p.id ? 'A' : isSponsor ? random.pick(['I', 'C']) : random.pick(['C', 'I', 'R']))),
      isSponsor ? 'fortnightly' : random.pick(cadence), isSponsor ? 'Project board and written status report' : random.pick(['Programme stand-up', 'Weekly working group', 'Project board', 'Written status report'])));
  }
  for (const p of target.people) register.push(entry(p, 'stakeholder', signoffIds.has(p.id), raciFor(() => random.pick(['R', 'C', 'I'])), random.pick(['weekly', 'monthly']), `${target.short} board report and project board`));
  for (const r of regulators) {
    const c = REGULATOR_CONTACT[r]!;
    register.push(entry({ id: slug(c.name), name: c.name, role: c.role, organisation: r }, 'external-body', false, undefined, 'quarterly', 'Quarterly supervision letter from the sponsor'));
  }
  for (const c of providerContacts) register.push(entry(c, 'provider-contact', false, raciFor((w) => (w.category === c.category ? 'R' : 'C')), 'daily', 'Programme stand-up and monthly service review'));
  const everyone = [...harbourPeople, ...target.people, ...regulators.map((r) => ({ id: slug(REGULATOR_CONTACT[r]!.name) })), ...providerContacts].map((p) => p.id);
  const people = [...harbourPeople, ...target.people];
  const anyone = () => random.pick(people);

  files['stakeholders.mdx'] = `---
title: Stakeholder register - ${title}
classification: internal
stakeholders:
${register.join('\n')}
---

## Engagement

The ${sponsor.role} sponsors the project and chairs the project board, which the workstream leads and ${target.name}'s Managing Director attend. Working groups meet weekly for each workstream, and providers' leads join the daily stand-up and a monthly service review at which their quarterly evaluations are discussed.

${regulators.length ? 'Regulators are kept informed by the sponsor\'s quarterly supervision letter and by notice before each cutover. ' : ''}${target.name}'s staff hear about the project at its monthly all-staff briefing, led by its Managing Director.
`;

  // Systems and the architecture diagram.
  const edges: { from: string; to: string; flow: string }[] = [];
  const drawn = new Set<string>(legacy.map((s) => s.id));
  for (const s of legacy) {
    for (const i of s.interfaces) {
      if (i.system.startsWith(target.id) && !drawn.has(i.system) && !legacy.some((l) => l.id === i.system)) continue;
      drawn.add(i.system);
      edges.push(random.chance(0.5) ? { from: s.id, to: i.system, flow: i.flow } : { from: i.system, to: s.id, flow: i.flow });
    }
  }
  const harbourSystems = [...drawn].filter((s) => HARBOUR_SYSTEM_LABEL[s]);
  const systemsInScope = [...legacy.map((s) => s.id), ...harbourSystems];
  const arrows = ['-->', '<-->', '-.->', '==>'];
  const actors = random.sample([
    { id: 'actor-customers', shape: '(["Customers"])' },
    { id: 'actor-advisers', shape: '(["Advisers and brokers"])' },
    { id: 'actor-migration-tooling', shape: '[["Migration tooling"]]' },
    { id: 'actor-operations', shape: '(["Operations staff"])' },
    { id: 'ext-bank', shape: '[("Bank - direct debits")]' },
  ], random.int(1, 3));
  const diagram = [
    `flowchart ${random.pick(['LR', 'TD', 'LR'])}`,
    ...actors.map((a) => `  ${a.id}${a.shape}`),
    `  subgraph group-legacy ["${target.name} - retiring"]`,
    ...legacy.map((s) => `    ${s.id}["${s.title}"]`),
    '  end',
    '  subgraph group-harbour ["Harbour Mutual - target"]',
    ...harbourSystems.map((s) => `    ${s}["${HARBOUR_SYSTEM_LABEL[s]}"]`),
    '  end',
    ...edges.map((e) => `  ${e.from} ${random.pick(arrows)}${random.chance(0.7) ? `|${e.flow}|` : ''} ${e.to}`),
    ...actors.map((a) => `  ${a.id} --> ${random.pick(harbourSystems)}`),
  ].join('\n');
  const sequence = random.chance(0.4)
    ? `\n\nEach migrated record is checked before the legacy copy is retired:\n\n\`\`\`mermaid\nsequenceDiagram\n  participant L as ${legacy[0]!.title}\n  participant M as Migration tooling\n  participant T as ${HARBOUR_SYSTEM_LABEL[harbourSystems[0]!]}\n  L->>M: masked extract of ${random.pick(FLOWS)}\n  M->>T: load through the migration API\n  T-->>M: counts and financial totals\n  M-->>L: reconciliation report, ${random.int(2, 9)} checks\n\`\`\``
    : '';

  // Plan: budget, contingency, milestones.
  const lines = random.sample(BUDGET_LINES, random.int(4, 7)).sort((a, b) => BUDGET_LINES.indexOf(a) - BUDGET_LINES.indexOf(b))
    .map((l) => ({ ...l, amount: random.int(6, 160) * 5000, actual: 0, baseline: undefined as number | undefined }));
  const lineSum = lines.reduce((n, l) => n + l.amount, 0);
  let contingency = Math.round((lineSum * (0.06 + random.next() * 0.06)) / 1000) * 1000;
  const total = lineSum + contingency;
  const progress = (d: string) => Math.max(0, Math.min(1, days(start, d) / days(start, end)));
  const spentShare = phase === 'closed' ? 0.88 + random.next() * 0.1 : phase === 'planning' ? 0 : Math.min(0.95, progress(today) * (0.7 + random.next() * 0.3));
  for (const l of lines) l.actual = Math.round((l.amount * spentShare * (0.8 + random.next() * 0.2)) / 100) * 100;
  const actualSum = lines.reduce((n, l) => n + l.actual, 0);

  const candidates = workstreams.flatMap((w) => MILESTONES[w.id]!.map((m) => ({ ...m, workstream: w.id })));
  const chosen: { id: string; title: string; workstream: string; kind?: string; receivedBy?: string; systems?: string[] }[] = random.sample(candidates, Math.min(candidates.length, random.int(6, 11))).sort((a, b) => MILESTONE_ORDER.indexOf(a.id) - MILESTONE_ORDER.indexOf(b.id));
  // Every plan ends with a test exit (unless it has one), the handover to Harbour's support that depends
  // on it, and the decommissioning of the legacy systems in scope.
  if (!chosen.some((m) => MILESTONE_KIND[m.id] === 'test')) chosen.push({ id: 'acceptance-test-exit', title: 'Acceptance test exit', workstream: 'data-migration', kind: 'test' });
  const handoverWorkstream = workstreams.some((w) => w.id === 'cutover') ? 'cutover' : 'data-migration';
  chosen.push({ id: 'handover-to-support', title: random.pick(['Handover to Harbour business-as-usual support', 'Service handed over to Harbour operations', 'Handover to the Harbour support teams']), workstream: handoverWorkstream, kind: 'handover', receivedBy: 'harbour-mutual' });
  chosen.push({ id: 'legacy-decommissioned', title: `${legacy.map((s) => s.title).join(', ')} decommissioned`, workstream: handoverWorkstream, kind: 'decommission', systems: legacy.map((s) => s.id) });
  // In the handover phase everything up to the handover is done; only the decommissioning is ahead.
  const n = chosen.length;
  const span = phase === 'handover' ? days(start, today) - 30 : days(start, end) - 30;
  const milestones = chosen.map((m, i) => {
    let due: string;
    if (phase === 'handover') {
      due = i < n - 1 ? addDays(start, 20 + Math.round(((i + 0.3 + random.next() * 0.5) * span) / (n - 1))) : addDays(today, random.int(5, Math.max(6, days(today, end) - 5)));
    } else {
      due = addDays(start, 20 + Math.round(((i + 0.3 + random.next() * 0.5) * span) / n));
      if (Math.abs(days(today, due)) <= 2) due = addDays(today, 3);
    }
    return { ...m, kind: m.kind ?? MILESTONE_KIND[m.id] ?? 'other', owner: leads.get(m.workstream)!.id, due, done: undefined as string | undefined, dependsOn: [] as string[] };
  });
  milestones.forEach((m, i) => {
    if (i > 0) m.dependsOn.push(milestones[i - 1]!.id);
    if (i > 2 && random.chance(0.3)) m.dependsOn.push(milestones[i - 3]!.id);
    if (m.due < today) {
      let done = addDays(m.due, -random.int(0, 4));
      for (const d of m.dependsOn) {
        const dep = milestones.find((x) => x.id === d)!;
        if (dep.done && dep.done > done) done = dep.done;
      }
      if (done < start) done = start;
      m.done = done;
    }
  });

  // Change requests: an approved draw on contingency (which the plan's baselines record), and a pending one.
  const changes: string[] = [];
  let contingencyBaseline: number | undefined;
  if (phase !== 'planning' && random.chance(0.5)) {
    const line = random.pick(lines);
    const amount = Math.max(1, Math.floor((contingency * (0.2 + random.next() * 0.4)) / 5000)) * 5000;
    line.baseline = line.amount;
    line.amount += amount;
    contingencyBaseline = contingency;
    contingency -= amount;
    const raised = addDays(start, random.int(20, Math.max(21, Math.min(days(start, phase === 'closed' ? end : today) - 30, 200))));
    const decided = addDays(raised, random.int(5, 20));
    const requester = anyone();
    changes.push(`---
title: CR-001 - ${cap(random.pick(['extend', 'add', 'rework', 'bring forward']))} ${line.title.toLowerCase()}
classification: internal
requestedBy: ${requester.id}
raised: ${raised}
impact:
  budget: ${amount}
  budgetLine: ${line.line}
  fundedFrom: contingency
  scheduleDays: 0
  scope: ${yaml(`Adds work to the ${line.line} line found in ${random.pick(['profiling', 'design', 'testing', 'the first trial'])}, without moving any milestone.`)}
decision: approved
approver: ${sponsor.id}
decided: ${decided}
---

## Request

On ${long(raised)} ${requester.name} asked for ${money(amount)} more on the ${line.line} line: ${random.pick(['the source holds more records than profiled', 'a second interface is needed while both estates coexist', 'the test cycle needs an extra regression run', 'legacy experts must be backfilled for longer'])}.

## Impact

The work is charged to the ${line.line} line and funded from contingency, which falls from ${money(contingencyBaseline)} to ${money(contingencyBaseline - amount)}. No milestone moves and the total stays at ${money(total)}.

## Decision

Approved by the sponsor on ${long(decided)} within the authority the change control procedure gives for draws on contingency. The [plan](../plan.mdx) was updated in the same pull request.
`);
  }
  if (phase === 'execution' && random.chance(0.4)) {
    const line = random.pick(lines);
    const raised = addDays(today, -random.int(2, 20));
    const requester = anyone();
    const amount = random.int(1, 8) * 5000;
    changes.push(`---
title: CR-00${changes.length + 1} - ${cap(random.pick(['extra trial migration', 'additional interface', 'longer hypercare', 'extended masking']))} on the ${line.line} line
classification: internal
requestedBy: ${requester.id}
raised: ${raised}
impact:
  budget: ${amount}
  budgetLine: ${line.line}
  fundedFrom: contingency
  scheduleDays: 0
  scope: ${yaml(`Adds a ${random.pick(['trial run', 'regression cycle', 'support week', 'data quality check'])} to the ${line.line} line; no milestone moves.`)}
decision: pending
---

## Request

${requester.name} raised this request on ${long(raised)} after ${random.pick(['the latest trial', 'the design review', 'the provider\'s quarterly review', 'the steering committee'])} showed the extra work is needed.

## Impact

${money(amount)} from contingency to the ${line.line} line. No milestone moves, and the total stays at ${money(total)}.

## Decision

Pending: the sponsor decides at the next project board.
`);
  }
  const changeNames = changes.map((text, i) => `cr-${String(i + 1).padStart(3, '0')}-${slug(text.match(/^title: CR-\d+ - (.*)$/m)![1]!).slice(0, 40).replace(/-$/, '')}`);
  changes.forEach((text, i) => {
    files[`changes/${changeNames[i]}.mdx`] = text;
  });

  const milestoneYaml = milestones.map((m) => [
    `  - id: ${m.id}`, `    title: ${yaml(m.title)}`, `    workstream: ${m.workstream}`, `    kind: ${m.kind}`, `    owner: ${m.owner}`, `    due: ${m.due}`,
    ...(m.receivedBy ? [`    receivedBy: ${m.receivedBy}`] : []),
    ...(m.systems ? [`    systems: [${m.systems.join(', ')}]`] : []),
    ...(m.done ? [`    done: ${m.done}`] : []),
    ...(m.dependsOn.length ? ['    dependsOn:', ...m.dependsOn.map((d) => `      - ${d}`)] : []),
  ].join('\n')).join('\n');
  files['plan.mdx'] = `---
title: Plan and budget - ${title}
description: ${yaml(`Approved budget, contingency and milestones for the ${title.toLowerCase()}.`)}
classification: internal
currency: GBP
budget:
${lines.map((l) => `  - line: ${l.line}\n    title: ${yaml(l.title)}\n    amount: ${l.amount}\n${l.baseline !== undefined ? `    baseline: ${l.baseline}\n` : ''}    actual: ${l.actual}`).join('\n')}
contingency: ${contingency}
${contingencyBaseline !== undefined ? `contingencyBaseline: ${contingencyBaseline}\n` : ''}total: ${total}
milestones:
${milestoneYaml}
---

## Assumptions

The steering committee approved the plan on ${long(addDays(start, -random.int(5, 30)))} at a total of ${money(total)}: ${money(total - (contingencyBaseline ?? contingency))} across the budget lines and ${money(contingencyBaseline ?? contingency)} contingency.${contingencyBaseline !== undefined ? ` The sponsor later approved [${changeNames[0]}](changes/${changeNames[0]}.mdx), which moved ${money(contingencyBaseline - contingency)} from contingency to the ${lines.find((l) => l.baseline !== undefined)!.line} line and left the total unchanged.` : ''} The plan assumes that:

- ${target.name}'s reference data stays frozen from mapping until cutover;
- ${target.name}'s IT Manager and Operations Manager stay on the project, backfilled, until decommissioning;
- the target platforms take no major upgrade between the first trial and hypercare exit;
- cutover weekends are agreed with ${target.name}'s operations at least ${random.int(6, 12)} weeks ahead.

## Coordination

One integrated plan ties ${workstreams.map((w) => w.title.toLowerCase()).join(', ')} together, and the weekly readiness review checks that each workstream's next deliverable is ready for the one that depends on it. ${engagements.length ? `${engagements.map((e) => e.provider.label).join(' and ')} deliver${engagements.length === 1 ? 's' : ''} into the shared test environment two weeks before each test cycle. ` : ''}The ${programmeManager.role} owns the integrated plan and reports slippage on any cross-workstream dependency at the next project board.
`;

  // Status reports: monthly, the latest within a month of today (or of the end, once closed).
  const reports: string[] = [];
  if (phase !== 'planning') {
    const last = phase === 'closed' ? addDays(end, -random.int(0, 10)) : today;
    for (let y = Number(last.slice(0, 4)), m = Number(last.slice(5, 7)) - 1; reports.length < (phase === 'closed' ? random.int(1, 2) : random.int(3, 6)); m--) {
      if (m < 0) { m = 11; y--; }
      const d = monthEnd(y, m);
      if (d >= last) continue;
      if (d <= addDays(start, 20)) break;
      reports.unshift(d);
    }
    if (!reports.length) reports.push(phase === 'closed' ? last : addDays(today, -3));
  }
  const latest = reports.at(-1);
  let issueDue = new Map<string, string>();
  reports.forEach((date, r) => {
    const isLatest = date === latest;
    const share = isLatest ? 1 : progress(date) / Math.max(progress(latest!), 0.01);
    const toDate = isLatest ? actualSum : Math.min(actualSum, Math.round((actualSum * share) / 100) * 100);
    const forecast = total - Math.round((contingency * random.next() * 0.8) / 1000) * 1000;
    const open = milestones.filter((m) => !m.done && m.due > date);
    const atRisk = phase === 'closed' ? [] : random.sample(open, random.int(0, Math.min(2, open.length)));
    const issues = phase === 'closed' ? [] : random.sample(ISSUES, random.int(0, 2));
    const rag = issues.some((i) => i.severity === 'high') || atRisk.length > 1 ? 'amber' : 'green';
    const issueYaml = issues.map((i) => {
      const earliest = isLatest ? addDays(today, 5) : addDays(date, 10);
      const due = issueDue.get(i.id) && issueDue.get(i.id)! >= earliest ? issueDue.get(i.id)! : addDays(earliest, random.int(0, 30));
      issueDue.set(i.id, due);
      return `  - id: ${i.id}\n    title: ${yaml(i.title)}\n    severity: ${i.severity}\n    owner: ${anyone().id}\n    action: ${yaml(i.action)}\n    due: ${due}`;
    });
    files[`status/${date}.mdx`] = `---
title: Status report, ${long(date)}
classification: internal
date: ${date}
rag: ${rag}
spend:
  toDate: ${toDate}
  forecast: ${forecast}
${atRisk.length ? `milestonesAtRisk:\n${atRisk.map((m) => `  - ${m.id}`).join('\n')}\n` : ''}compliance:
${regulations.map((g) => `  - regulation: ${g.id}\n    status: compliant`).join('\n')}
architecture:
  aligned: true
quality:
  openDefects: ${random.int(0, 40)}
  summary: ${yaml(`${cap(random.pick(['open defects are', 'defects remain', 'the defect count is']))} within the exit criteria; none at severity 1.`)}
${issueYaml.length ? `issues:\n${issueYaml.join('\n')}\n` : ''}---

## Summary

The project is ${rag}. ${phase === 'closed' && isLatest ? `The work is complete and the project closes within its approved total of ${money(total)}.` : `Spend to date is ${money(toDate)} against an approved total of ${money(total)}, and the forecast at completion is ${money(forecast)}.`}${atRisk.length ? ` ${atRisk.length === 1 ? 'One milestone is' : `${atRisk.length} milestones are`} at risk: ${atRisk.map((m) => m.title.toLowerCase()).join('; ')}.` : ''}

## Progress

${milestones.filter((m) => m.done && m.done <= date && m.done > (reports[r - 1] ?? start)).map((m) => `- ${m.title} on ${long(m.done!)}.`).join('\n') || `- Work continued on ${random.pick(workstreams).title.toLowerCase()}.`}
- ${random.int(2, 30)} defects closed and ${random.int(1, 12)} raised in the period.

## Risks and issues

${issues.length ? issues.map((i) => `${i.title}: ${i.action.charAt(0).toLowerCase()}${i.action.slice(1)}`).join('\n\n') : 'No new risks or issues were raised in the period.'}
`;
  });
  issueDue = new Map();
  const handover = milestones.find((m) => m.kind === 'handover')!;

  // The engagement log: a project board in every reporting period, addressed to everyone in the register
  // (so every organisation is engaged in every period); while the project is active, a stand-up in the
  // last two days (within every cadence, daily included); and the handover meeting once it is done.
  if (phase !== 'planning') {
    const log: { date: string; slug: string; title: string; channel: string; topic: string; audience: string[] }[] = [];
    reports.forEach((d, r) => {
      if (r === 0) return;
      const date = addDays(d, -random.int(0, Math.min(6, days(reports[r - 1]!, d) - 1)));
      log.push({ date, slug: 'project-board', title: `${long(date).replace(/^\d+ /, '')} project board`, channel: 'meeting', topic: random.pick(['Progress against the plan and the next milestones', 'Trial migration results and defects', 'Spend, contingency and open risks', 'Provider performance and resourcing']), audience: everyone });
    });
    if (phase === 'handover' || phase === 'closed') {
      log.push({ date: handover.done!, slug: 'handover-meeting', title: 'Handover to Harbour support', channel: 'meeting', topic: 'Runbooks, open defects and support arrangements', audience: everyone });
    }
    if (status === 'active') {
      const date = addDays(today, -random.int(0, 2));
      log.push({ date, slug: 'programme-stand-up', title: `Programme stand-up, ${long(date)}`, channel: random.pick(['call', 'meeting']), topic: random.pick(['Daily progress and blockers', 'Readiness for the next milestone', 'Defect triage and test progress']), audience: everyone });
    }
    for (const e of log) {
      const due = addDays(e.date, random.int(7, 21));
      const followUp = random.chance(0.5)
        ? `followUps:\n  - action: ${yaml(random.pick(['Circulate the updated plan to every workstream lead.', 'Send the reconciliation report to the providers.', 'Book the next cutover rehearsal with operations.', 'Confirm test environment dates with the platform team.']))}\n    owner: ${programmeManager.id}\n    due: ${due}\n${due < today ? `    closed: ${addDays(due, -random.int(0, 3))}\n` : ''}`
        : '';
      files[`engagement/${e.date}-${e.slug}.mdx`] = `---
title: ${yaml(e.title)}
date: ${e.date}
audience:
  stakeholders: [${e.audience.join(', ')}]
channel: ${e.channel}
topic: ${yaml(e.topic)}
decisions:
  - ${yaml(random.pick(['The plan stands; no milestone moves.', 'The next trial goes ahead on the planned date.', 'Open defects are fixed before the next test cycle.', 'The providers keep their current staffing to the end of the quarter.']))}
${followUp}---

## Summary

${sponsor.name.replace(/ \(\d+\)$/, '')} ${random.pick(['chaired', 'opened the meeting', 'led the discussion'])}; ${random.int(2, 9)} actions from the last meeting were reviewed and ${random.pick(['all closed', 'most closed', 'the rest carried forward'])}.
`;
    }
  }

  // Provider evaluations: every quarter of each engagement that has ended.
  for (const e of engagements) {
    const until = e.to ?? today;
    for (let { year, q } = quarterOf(e.from); quarterStart(year, q) <= until; q === 4 ? (year++, q = 1) : q++) {
      if (quarterEnd(year, q) >= today) break;
      const low = random.chance(0.15);
      const scores = { quality: random.int(3, 5), timeliness: low ? 2 : random.int(3, 5), cost: random.int(3, 5), communication: random.int(3, 5), security: random.int(4, 5) };
      const evaluator = leads.get(WORKSTREAMS.find((w) => w.category === e.provider.category && leads.has(w.id))?.id ?? 'data-migration')!;
      const due = addDays(quarterEnd(year, q), random.int(20, 40));
      const action = low ? `actions:\n  - action: ${yaml(`${e.provider.label} to add a second lead so that deliverables arrive on the agreed dates.`)}\n    owner: ${evaluator.id}\n    due: ${due}\n${due < today ? `    closed: ${addDays(due, -random.int(1, 10))}\n` : ''}` : 'actions: []\n';
      files[`evaluations/${e.provider.id}-${year}-q${q}.mdx`] = `---
title: ${e.provider.label} - ${year} Q${q} evaluation
classification: internal
provider: ${e.provider.id}
period: ${year}-Q${q}
evaluator: ${evaluator.id}
scores:
  quality: ${scores.quality}
  timeliness: ${scores.timeliness}
  cost: ${scores.cost}
  communication: ${scores.communication}
  security: ${scores.security}
${action}---

## Summary

${e.provider.label} ${low ? 'delivered good work late this quarter, so timeliness is scored 2 and an action is agreed.' : `met its commitments this quarter; quality is scored ${scores.quality} and timeliness ${scores.timeliness}.`} ${random.pick(['Its staff worked only in Harbour-hosted environments.', 'Handover documentation was complete.', 'Defect turnaround stayed within the agreed two days.', 'Its reports arrived before each service review.'])}
`;
    }
  }

  // Lessons applied: one of the example's lessons for each workstream category that has some, and one
  // from an earlier generated closed project.
  const applied: { project: string; lesson: string; how: string }[] = [];
  if (phase !== 'planning') {
    for (const w of workstreams) {
      const lesson = EXAMPLE_LESSONS[w.category];
      if (lesson && !applied.some((a) => a.lesson === lesson)) applied.push({ project: 'finance-ledger-consolidation', lesson, how: `Applied to ${w.title.toLowerCase()} from the first month, with ${leads.get(w.id)!.name} checking it at each board.` });
    }
    const categories = new Set<string>(workstreams.map((w) => w.category));
    const earlier = ctx.closed.flatMap((c) => c.lessons.filter((l) => categories.has(l.category)).map((l) => ({ project: c.project, lesson: l.id })));
    if (earlier.length) {
      const pick = random.pick(earlier);
      applied.push({ ...pick, how: `Agreed with the ${pick.project.replace(/-\d+$/, '').replace(/-/g, ' ')} project manager at kick-off and built into the plan.` });
    }
  }

  const scopeLinks = legacy.map((s) => `[${s.title}](../../systems/${s.id}.mdx)`);
  const targetLinks = harbourSystems.map((s) => `[${HARBOUR_SYSTEM_LABEL[s]!.toLowerCase()}](../../systems/${s}.mdx)`);
  const approach = random.pick(['phased', 'big-bang', 'phased', 'coexistence', 'pilot'] as const);
  files['index.mdx'] = `---
title: ${yaml(title)}
description: ${yaml(`${cap(random.pick(VERBS))} ${target.name}'s ${legacy.map((s) => s.kind.label).join(', ')} onto Harbour Mutual's platforms.`)}
classification: internal
status: ${status}
phase: ${phase}
start: ${start}
end: ${end}
sponsors:
  - ${sponsor.id}
organisations:
${['harbour-mutual', target.id, ...regulators, ...engagements.map((e) => e.provider.id)].map((o) => `  - ${o}`).join('\n')}
systems:
${systemsInScope.map((s) => `  - ${s}`).join('\n')}
workstreams:
${workstreams.map((w) => `  - id: ${w.id}\n    title: ${w.title}\n    category: ${w.category}`).join('\n')}
${engagements.length ? `providers:\n${engagements.map((e) => `  - provider: ${e.provider.id}\n    role: ${e.provider.role}\n    from: ${e.from}${e.to ? `\n    to: ${e.to}` : ''}`).join('\n')}\n` : ''}policies:
${['information-security-handling-policy', ...random.sample(['integration-policy', 'data-migration-standard', 'interface-standard', 'supplier-management-procedure', 'change-control-procedure'], random.int(1, 5))].map((p) => `  - ${p}`).join('\n')}
regulations:
${regulations.map((g) => `  - id: ${g.id}\n    title: ${g.title}${'regulator' in g ? `\n    regulator: ${g.regulator}` : ''}`).join('\n')}
approach: ${approach}
externalFactors:
  - factor: ${yaml(`${target.name}'s ${random.pick(['hardware support contract', 'data centre lease', 'software licence', 'outsourcing agreement'])} ends on ${long(addDays(end, random.int(60, 200)))}.`)}
    impact: Any slip beyond the planned end would need a costly extension.
    response: ${yaml(`Decommissioning is planned ${random.int(2, 6)} months before the end date, leaving margin.`)}
sources:
  - title: ${yaml(`${legacy[0]!.title} data dictionary`)}
    owner: ${yaml(target.people[1]!.role)}
    verified: ${addDays(today, -random.int(5, 300))}
${applied.length ? `lessonsApplied:\n${applied.map((a) => `  - project: ${a.project}\n    lesson: ${a.lesson}\n    how: ${yaml(a.how)}`).join('\n')}\n` : ''}---

## Scope

The project ${random.pick(VERBS)} ${target.name}'s work from ${scopeLinks.join(', ')} onto Harbour Mutual's ${targetLinks.join(', ')}. It covers about ${random.int(5, 400).toLocaleString('en-GB')},000 records and the interfaces needed while the two estates coexist. [${target.name}](../../organisations/${target.id}.mdx) keeps its other systems until later projects move them.

## Approach

The integration is **${approach}**. ${approach === 'big-bang' ? 'One cutover weekend moves everything, because the volumes are small enough to migrate and reconcile within the window.' : approach === 'coexistence' ? 'Both estates run side by side while work moves across in stages, routed by the integration platform.' : approach === 'pilot' ? 'A pilot group moves first, and the rest follows once the pilot has run cleanly for a month.' : `The work moves in ${random.int(2, 4)} waves, so that lessons from each wave shape the next.`} A parallel run was rejected because running the work in two systems risks double processing.

## External factors

${target.name}'s legacy contracts set the latest date for switching its systems off, and regulators expect notice of cutovers that affect customers. Both are tracked in the charter's external factors with their responses.

## Architecture

The diagram shows the systems in scope while the two estates coexist.

\`\`\`mermaid
${diagram}
\`\`\`

When the project hands over, ${legacy.map((s) => s.title).join(', ')} leave${legacy.length === 1 ? 's' : ''} the diagram and the systems catalogue records ${legacy.length === 1 ? 'it' : 'them'} as retired.

## Security and integrity

Every extract is masked inside the production boundary before it reaches a test environment, and only the live migration moves unmasked data. Integrity is proved by reconciling every trial at record count, financial total and a field-level sample of ${(random.int(5, 40) * 100).toLocaleString('en-GB')} records.${sequence}
`;

  // Sign-off (from handover) and lessons (when closed).
  let lessons: ClosedLessons | undefined;
  if (phase === 'handover' || phase === 'closed') {
    const authorities = harbourPeople.filter((p) => signoffIds.has(p.id) || p.role === 'Head of Systems Integration').concat(target.people[0]!);
    const done = milestones.filter((m) => m.done);
    const signed = random.sample(done, Math.min(done.length, random.int(2, 5))).sort((a, b) => a.done!.localeCompare(b.done!));
    files['signoff.mdx'] = `---
title: Sign-off record - ${title}
classification: internal
signoffs:
${signed.filter((m) => m !== handover).map((m) => `  - deliverable: ${yaml(m.title)}\n    by: ${random.pick(authorities).id}\n    date: ${[addDays(m.done ?? start, random.int(1, 6)), today].sort()[0]}`).join('\n')}
  - deliverable: ${yaml(handover.title)}
    milestone: ${handover.id}
    by: ${sponsor.id}
    date: ${[addDays(handover.done!, random.int(0, 3)), today].sort()[0]}
---

## Sign-off

Each deliverable was signed off by a sign-off authority named in the stakeholder register, at the project board recorded against it, on the evidence of the reconciliation and test reports.
`;
  }
  if (phase === 'closed') {
    const picked = random.sample(LESSON_CATEGORIES, random.int(2, 4)).map((category, i) => {
      const text = random.pick(LESSON_TEXT[category]!);
      return { id: `${category}-lesson-${i + 1}`, category, ...text };
    });
    lessons = { project: id, lessons: picked.map((l) => ({ id: l.id, category: l.category })) };
    files['lessons.mdx'] = `---
title: Lessons learned - ${title}
classification: internal
lessons:
${picked.map((l) => `  - id: ${l.id}\n    category: ${l.category}\n    what: ${yaml(l.what)}\n    recommendation: ${yaml(l.recommendation)}`).join('\n')}
---

## Review

The lessons review was held on ${long(addDays(end, -random.int(3, 15)))} with the project board and the providers, and approved at closure. ${random.pick(['What worked well was reconciling every trial at three levels.', 'What worked badly was anything that depended on a single legacy expert.', 'The dress rehearsals made the cutover call routine.'])}
`;
  }
  // A closed project brings the catalogue entry of every system in its scope up to date.
  const updates: CatalogueUpdate[] = [];
  if (phase === 'closed') {
    const lastDoneDate = milestones.map((m) => m.done!).sort().at(-1)!;
    const date = [addDays(lastDoneDate, random.int(0, 10)), today].sort()[0]!;
    for (const s of systemsInScope) {
      const legacySystem = legacy.find((l) => l.id === s);
      const interfaces = legacySystem
        ? `Its ${random.pick(['coexistence feeds', 'interfaces', 'batch and message feeds'])} to Harbour's ${random.pick(['platforms', 'systems'])} stopped at cutover; it exchanges no live data with them.`
        : `Took over ${random.pick(FLOWS)} from ${target.short}'s retiring systems; no other interface changed.`;
      updates.push({ system: s, project: id, date, interfaces });
    }
  }
  return { id, files, lessons, legacy: legacy.map((s) => s.id), updates };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Phases in the proportions of a working portfolio, most projects in execution; the first four
 * generated projects take one phase each, so that even a small corpus has every kind of project.
 */
function phaseOf(random: Random, generated: number): Phase {
  const r = random.next();
  if (generated < 4) return (['closed', 'execution', 'handover', 'planning'] as const)[generated]!;
  return r < 0.12 ? 'closed' : r < 0.2 ? 'handover' : r < 0.3 ? 'planning' : 'execution';
}

/**
 * Writes a corpus of `projects` projects into `dir` (created if missing): the example content with its
 * three projects, and `projects - 3` generated ones. Returns how many files it holds.
 */
export function generateCorpus(dir: string, projects: number, seed = 1, today = CORPUS_TODAY): { files: number } {
  cpSync(CONTENT, dir, { recursive: true });
  const random = new Random(seed);
  const existing = (folder: string) => readdirSync(join(CONTENT, folder)).map((f) => f.replace(/\.mdx?$/, ''));
  const orgNames = new Names(existing('organisations'));
  const systemNames = new Names(existing('systems'));
  const personNames = new Names([...Object.values(PROVIDER_CONTACT).flat().map((c) => slug(`${c.first} ${c.last}`)), ...Object.values(REGULATOR_CONTACT).map((c) => slug(c.name))]);
  const harbour = new Map(HARBOUR_ROLES.map((role) => [role, Array.from({ length: 2 }, () => person(random, personNames, role, 'harbour-mutual'))]));
  const ctx: Context = { random, today, harbour, closed: [] };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  // A target's systems are written once its projects are: which of them some project retires, and the
  // catalogue updates of its closed projects, are known only then.
  const inScope = new Set<string>();
  const updates = new Map<string, CatalogueUpdate[]>();
  const writeSystems = (t: Target) => {
    for (const s of t.systems) write(`systems/${s.id}.mdx`, systemFile(t, s, random, inScope.has(s.id), updates.get(s.id) ?? []));
  };
  let target: Target | undefined;
  for (let i = 3; i < projects; i++) {
    // A target organisation for every two to four projects.
    if (!target || target.projects >= 2 + (i % 3)) {
      if (target) writeSystems(target);
      target = makeTarget(random, orgNames, systemNames, personNames);
      write(`organisations/${target.id}.mdx`, organisationFile(target));
    }
    const project = generateProject(ctx, target, i, phaseOf(random, i - 3));
    for (const [path, text] of Object.entries(project.files)) write(`projects/${project.id}/${path}`, text);
    if (project.lessons) ctx.closed.push(project.lessons);
    for (const s of project.legacy) inScope.add(s);
    for (const u of project.updates) updates.set(u.system, [...(updates.get(u.system) ?? []), u]);
  }
  if (target) writeSystems(target);
  // Harbour's systems (the example's records) carry contracts on the interfaces between them and the
  // closed generated projects' catalogue updates.
  for (const system of Object.keys(HARBOUR_SYSTEM_LABEL)) {
    const path = join(dir, 'systems', `${system}.mdx`);
    const list = updates.get(system);
    const text = withContracts(readFileSync(path, 'utf8'));
    writeFileSync(path, list ? withUpdates(text, list) : text);
  }
  const count = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(d, e.name)) : 1), 0);
  return { files: count(dir) };
}
