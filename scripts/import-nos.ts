// Converts a UK National Occupational Standard exported as plain text (the layout of
// shared/standards/ESKITP5045.txt) into a Seam criteria catalogue (content/standards/<id>.yaml).
// Usage: node scripts/import-nos.ts <source.txt> <out.yaml>
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

interface Criterion { id: string; kind: 'performance' | 'knowledge'; group: string; text: string; items?: { id: string; text: string }[] }

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: node scripts/import-nos.ts <source.txt> <out.yaml>');
  process.exit(2);
}
const lines = readFileSync(source, 'utf8').split(/\r?\n/);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const groups: { id: string; title: string }[] = [];
const criteria: Criterion[] = [];
let kind: Criterion['kind'] | undefined;
let group = '';
let last: { text: string } | undefined;
const meta: Record<string, string> = {};
let overview: string[] = [];
let section = '';

const metaKeys = ['Developed by', 'Version number', 'Date approved', 'Indicative review date', 'Validity', 'Status',
  'Originating organisation', 'Original URN', 'Relevant occupations', 'Suite', 'Key words'];

for (const raw of lines) {
  const line = raw.trim();
  if (!line) continue;
  if (line === 'Overview') { section = 'overview'; continue; }
  if (line === 'Performance criteria') { section = 'criteria'; kind = 'performance'; continue; }
  if (line === 'Knowledge and understanding') { section = 'criteria'; kind = 'knowledge'; continue; }
  if (/^You (must be able to|need to know and understand):$/.test(line)) continue;
  const key = metaKeys.find((k) => line.startsWith(k + ' '));
  if (key) { meta[key] = line.slice(key.length + 1).trim(); section = 'meta'; continue; }
  if (section === 'overview') { overview.push(line); continue; }
  if (/^[A-Z]{2,}[A-Z0-9]*\d{4}$/.test(line)) { meta.code = line; section = 'trailer'; continue; } // the standard's code opens the trailer
  if (section === 'trailer') { meta.title ??= line; continue; }
  if (section !== 'criteria') continue;
  const item = /^- ([PK]\d+(?:\.\d+)?) (.*)$/.exec(line);
  if (item) {
    const [, id, text] = item;
    if (id.includes('.')) {
      const parent = criteria.find((c) => c.id === id.split('.')[0]);
      if (!parent) throw new Error(`sub-item ${id} before its parent`);
      const sub = { id, text: text.trim() };
      (parent.items ??= []).push(sub);
      last = sub;
    } else {
      const c: Criterion = { id, kind: kind!, group, text: text.trim() };
      criteria.push(c);
      last = c;
    }
    continue;
  }
  if (line.startsWith('- ') && last) { last.text += ' ' + line.slice(2).trim(); continue; } // a wrapped criterion
  // Anything else inside the criteria is a function (group) heading.
  const title = line.charAt(0).toUpperCase() + line.slice(1);
  const id = slug(title);
  if (!groups.some((g) => g.id === id)) groups.push({ id, title });
  group = id;
}

const month = (s: string) => {
  const d = new Date(`1 ${s} UTC`);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const catalogue = {
  title: meta.title,
  code: meta.code,
  publisher: meta['Developed by'],
  originatingOrganisation: meta['Originating organisation'],
  urn: meta['Original URN'],
  version: meta['Version number'],
  approved: month(meta['Date approved']),
  reviewBy: month(meta['Indicative review date']),
  validity: meta.Validity,
  status: meta.Status,
  suite: meta.Suite,
  occupations: meta['Relevant occupations'].split(/;\s*/),
  keywords: meta['Key words'].split(/;\s*/),
  classification: 'public',
  overview: overview.join('\n\n'),
  groups,
  criteria,
};
writeFileSync(out, stringify(catalogue, { lineWidth: 0 }));
console.log(`${out}: ${criteria.length} criteria, ${criteria.reduce((n, c) => n + (c.items?.length ?? 0), 0)} sub-items, ${groups.length} groups`);
