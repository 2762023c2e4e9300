// Interface specifications: an OpenAPI file named by a contract is read within content's bounds, never
// fetches anything (an external $ref is a problem, not a download), is validated by
// @readme/openapi-parser and yields its operations for the site.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSpec, specFile, systemInterfaces } from '../../src/model/interfaces.ts';
import { MAX_FILE_BYTES, MAX_YAML_DEPTH } from '../../src/model/bounds.ts';

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

const VALID = `openapi: 3.0.3
info:
  title: Broker API
  version: "2.1"
paths:
  /quotes:
    post:
      summary: Ask for a quote
      responses:
        "201":
          description: The quote
  /policies/{ref}:
    parameters:
      - name: ref
        in: path
        required: true
        schema:
          type: string
    get:
      summary: Read a policy
      responses:
        "200":
          description: The policy
    delete:
      responses:
        "204":
          description: Gone
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'seam-spec-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadSpec', () => {
  it('validates a spec and lists its operations in file order', async () => {
    write('systems/specs/broker.yaml', VALID);
    const spec = await loadSpec(root, 'systems/specs/broker.yaml');
    expect(spec.problems).toEqual([]);
    expect(spec.title).toBe('Broker API');
    expect(spec.version).toBe('2.1');
    expect(spec.operations).toEqual([
      { method: 'POST', path: '/quotes', summary: 'Ask for a quote' },
      { method: 'GET', path: '/policies/{ref}', summary: 'Read a policy' },
      { method: 'DELETE', path: '/policies/{ref}' },
    ]);
  });

  it('reads a JSON spec with the same reader', async () => {
    write('systems/specs/broker.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'J', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } } }));
    const spec = await loadSpec(root, 'systems/specs/broker.json');
    expect(spec.problems).toEqual([]);
    expect(spec.operations).toEqual([{ method: 'GET', path: '/a' }]);
  });

  it('reports what the parser finds wrong', async () => {
    write('s.yaml', 'openapi: 3.0.3\ninfo:\n  title: No version\npaths: {}\n');
    const spec = await loadSpec(root, 's.yaml');
    expect(spec.problems).toHaveLength(1);
    expect(spec.problems[0]).toMatch(/^is not valid OpenAPI: .*version/);
    write('t.yaml', '- just\n- a list\n');
    expect((await loadSpec(root, 't.yaml')).problems).toEqual(['is not an OpenAPI document (expected a mapping with "openapi", "info" and "paths")']);
  });

  describe('never reaches the network', () => {
    const realFetch = globalThis.fetch;
    let calls: string[];
    beforeEach(() => {
      calls = [];
      globalThis.fetch = (async (input: unknown) => {
        calls.push(String(input));
        throw new Error('no network in tests');
      }) as typeof fetch;
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    it('refuses an http $ref as a finding and requests nothing', async () => {
      write('s.yaml', VALID.replace('          description: The quote', '          $ref: "http://169.254.169.254/latest/meta-data/quote.yaml"'));
      const spec = await loadSpec(root, 's.yaml');
      expect(spec.problems).toEqual([
        'has a $ref to "http://169.254.169.254/latest/meta-data/quote.yaml" at /paths/~1quotes/post/responses/201, outside the file; Seam reads one local file and fetches nothing: copy what it refers to under "components" and point at it with "#/components/…"',
      ]);
      expect(calls).toEqual([]);
    });

    it('refuses a $ref to another file, even one beside it, and reads nothing else', async () => {
      write('other.yaml', 'type: string\n');
      write('s.yaml', VALID.replace('          type: string', '          $ref: "./other.yaml"'));
      const spec = await loadSpec(root, 's.yaml');
      expect(spec.problems).toEqual([expect.stringMatching(/^has a \$ref to "\.\/other\.yaml" at \/paths\/~1policies~1\{ref\}\/parameters\/0\/schema,/)]);
      expect(calls).toEqual([]);
    });

    it('validates an internal $ref without the network', async () => {
      write('s.yaml', `${VALID.replace('          description: The quote', '          $ref: "#/components/responses/Quote"')}components:\n  responses:\n    Quote:\n      description: The quote\n`);
      const spec = await loadSpec(root, 's.yaml');
      expect(spec.problems).toEqual([]);
      expect(calls).toEqual([]);
    });
  });

  it('keeps to the bounds of content: size, nesting, links, existence', async () => {
    write('big.yaml', `openapi: 3.0.3\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    expect((await loadSpec(root, 'big.yaml')).problems).toEqual([expect.stringMatching(/^cannot be read: The file is 2\.0 MiB; Seam reads content files up to 2 MiB/)]);
    write('deep.yaml', `openapi: 3.0.3\nx: ${'['.repeat(MAX_YAML_DEPTH + 5)}${']'.repeat(MAX_YAML_DEPTH + 5)}\n`);
    expect((await loadSpec(root, 'deep.yaml')).problems).toEqual([expect.stringMatching(/^cannot be read: The YAML is nested \d+ levels deep; Seam accepts at most 32/)]);
    write('real.yaml', VALID);
    symlinkSync(join(root, 'real.yaml'), join(root, 'link.yaml'));
    expect((await loadSpec(root, 'link.yaml')).problems).toEqual([expect.stringMatching(/^cannot be read: This is a symbolic link/)]);
    const outside = mkdtempSync(join(tmpdir(), 'seam-outside-'));
    writeFileSync(join(outside, 'x.yaml'), VALID);
    symlinkSync(outside, join(root, 'linked'));
    expect((await loadSpec(root, 'linked/x.yaml')).problems).toEqual([expect.stringMatching(/^lies in a linked folder that leads outside the content folder/)]);
    rmSync(outside, { recursive: true, force: true });
    expect((await loadSpec(root, 'missing.yaml')).problems).toEqual(['does not exist in the content folder: correct the path (relative to this record) or add the file']);
  });
});

describe('specFile', () => {
  it('resolves a spec relative to its record and keeps it inside the content folder', () => {
    expect(specFile('systems/crm.mdx', 'specs/crm.yaml')).toEqual({ file: 'systems/specs/crm.yaml' });
    expect(specFile('systems/crm.mdx', '../policies/x.yaml')).toEqual({ file: 'policies/x.yaml' });
    expect(specFile('systems/crm.mdx', '../../etc/x.yaml')).toHaveProperty('problem');
  });
});

describe('systemInterfaces', () => {
  it('gives every interface an id: its own, else the other end\'s', () => {
    const list = systemInterfaces('crm', { interfaces: ['billing', { id: 'accounts-api', system: 'ledger' }, { system: 'hr', protocol: 'SFTP' }] });
    expect(list.map((i) => [i.id, i.provider, i.system, i.index])).toEqual([['billing', 'crm', 'billing', 0], ['accounts-api', 'crm', 'ledger', 1], ['hr', 'crm', 'hr', 2]]);
  });
});
