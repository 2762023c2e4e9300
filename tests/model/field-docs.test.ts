// Field docs come from the schemas: what the handbook shows an author for each record type.
import { describe, expect, it } from 'vitest';
import { fieldDocs, rulesReading } from '../../src/model/field-docs.ts';
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
});
