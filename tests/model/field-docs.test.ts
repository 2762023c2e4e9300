// Field docs come from the schemas: what the handbook shows an author for each record type.
import { describe, expect, it } from 'vitest';
import { fieldDocs, partFieldDocs, recordParts, rulesReading } from '../../src/model/field-docs.ts';
import { recordTypeByName, recordTypes } from '../../src/model/record-types.ts';
import { rules } from '../../rules/index.ts';
import { recordTypesRead } from '../../src/rule-kit/rule.ts';

describe('field docs', () => {
  it('documents every top-level field of every record type with a description', () => {
    for (const type of recordTypes) {
      const docs = fieldDocs(type);
      expect(docs.length, type.name).toBeGreaterThan(2);
      for (const d of docs.filter((x) => !x.path.includes('.') && !x.path.includes('['))) expect(d.description, `${type.name}.${d.path}`).not.toBe('');
    }
  });

  it('gives types, allowed values, requiredness and defaults as an author reads them', () => {
    const charter = fieldDocs(recordTypeByName.get('charter')!);
    const at = (path: string) => charter.find((d) => d.path === path)!;
    expect(at('phase')).toMatchObject({ type: 'one of', allowed: ['planning', 'execution', 'handover', 'closed'], required: true });
    expect(at('start')).toMatchObject({ type: 'date (YYYY-MM-DD)', required: true });
    expect(at('sponsors')).toMatchObject({ type: 'list of id', required: true });
    expect(at('classification')).toMatchObject({ required: false, default: '"internal"' });
    expect(at('providers[].provider')).toMatchObject({ type: 'id', required: false });
    const plan = fieldDocs(recordTypeByName.get('plan')!);
    expect(plan.find((d) => d.path === 'milestones[].dependsOn')).toMatchObject({ type: 'list of id' });
  });

  it('lists the rules that read a record type, from the rules\' own metadata', () => {
    const catalogue = rules.map((r) => ({ id: r.meta.id, reads: recordTypesRead(r.meta) }));
    const plan = rulesReading(recordTypeByName.get('plan')!, catalogue);
    expect(plan).toContain('budget');
    expect(plan).toContain('schedule');
    expect(plan).toContain('schema');
    expect(plan).not.toContain('plain-language');
  });

  it('documents an interface contract as a part of its own, each field required as within the contract', () => {
    const [contract] = recordParts.filter((p) => p.type === 'systems');
    expect(contract).toMatchObject({ slug: 'interface-contract', path: 'interfaces[].contract' });
    const docs = partFieldDocs(contract!);
    const at = (path: string) => docs.find((d) => d.path === path)!;
    expect(at('owner')).toMatchObject({ type: 'id', required: true });
    expect(at('lifecycle')).toMatchObject({ allowed: ['planned', 'live', 'retiring', 'retired'], required: true });
    expect(at('sla.recovery')).toMatchObject({ type: 'text', required: true });
    expect(at('spec')).toMatchObject({ required: false });
    for (const d of docs) expect(d.description, d.path).not.toBe('');
    // The system's own reference reaches the contract's fields too.
    expect(fieldDocs(recordTypeByName.get('systems')!).map((d) => d.path)).toContain('interfaces[].contract.sla.availability');
  });
});
