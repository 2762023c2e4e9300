// interface-contracts: every interface a project past planning works on has a contract that names its
// owner, data, service levels, standard, lifecycle and test evidence; a referenced OpenAPI file is
// valid and local; an interface carrying personal data brings the security policy and a data-protection
// regulation into the charter (K26.1, K27.2, K29, K28.1, K26.3).
import { z } from 'zod';
import { PERSONAL_DATA, prepareSpecs, specFile, specOf, systemInterfaces, type SystemInterface } from '../src/model/interfaces.ts';
import { recordById } from '../src/model/links.ts';
import { mention, say } from '../src/model/message.ts';
import { PHASES, projectRecordTypeNames } from '../src/model/record-types.ts';
import { findCriterion } from '../src/model/criterion-ids.ts';
import { quote } from '../src/model/safe-text.ts';
import type { RecordGraph } from '../src/model/graph.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { BILLING_INTERFACE, contract, crmSystem } from './examples/systems.ts';

const options = z.strictObject({
  from: z.enum(PHASES).default('execution').describe('The first phase in which every interface between two systems of a project\'s scope needs a contract.'),
  securityCriteria: z.array(z.string()).default(['K28.1']).describe('A policy is the security policy when its `criteria` list one of these (by default K28.1: information security within and across organisations).'),
  dataProtection: z.string().default('gdpr|data[- ]protection|privacy').describe('A regulation in the charter is a data-protection regulation when its id or title matches this regular expression (case-insensitive).'),
});

const CONTRACT = 'a "contract" with its owner, direction, data classes, service levels, standard and lifecycle';

/** The interfaces between two systems of a charter's scope, each once, from the system that declares it. */
function inScope(graph: RecordGraph, systems: readonly string[]): SystemInterface[] {
  const scope = new Set(systems);
  return systems.flatMap((s) => {
    const data = graph.systems.get(s)?.data;
    return data ? systemInterfaces(s, data).filter((i) => scope.has(i.system) && i.system !== s) : [];
  });
}

export default defineRule({
  meta: {
    id: 'interface-contracts',
    description: 'Interfaces in a project\'s scope have contracts; contracts name a real standard, test evidence and a valid local OpenAPI file; personal data brings the security policy and a data-protection regulation into the charter.',
    appliesTo: ['systems', 'charter'],
    readsAcross: ['systems', 'policies', ...projectRecordTypeNames],
    criteria: ['K26.1', 'K27.2', 'K29', 'K19.4', 'K28.1', 'K26.3'],
    severity: 'error',
    fixable: false,
    options,
    docs: `An interface is where two systems, and often two organisations, depend on each other. Its contract
lives with the providing system's record (\`systems/<id>.mdx\`, under the interface in \`interfaces\`):
who owns it, which way data flows, the classes of data it carries, its service levels (availability,
latency, volumes, recovery), the policy it follows, its lifecycle and what shows it was tested. The
record-type page for systems lists every field. The contract's \`owner\` (an organisation) and
\`standard\` (a policy in \`content/policies/\`) are references, which the \`references\` rule resolves.

On a **system**, this rule checks each interface:

- ids are unique within the system (an interface's id defaults to the other end's id, so two interfaces
  with the same system need ids of their own);
- a \`live\` or \`retiring\` interface has \`testEvidence\`, and one given as \`project:<project>/<record>\`
  names a record that exists;
- a \`spec:\` is an OpenAPI file inside the content folder that is valid (checked with
  @readme/openapi-parser). Seam reads that one file within the same bounds as content (2 MiB, YAML
  nested at most 32 deep, no links followed) and fetches nothing: a \`$ref\` to another file or a web
  address is reported, never followed — copy what it names under \`components\`. The system's page lists
  the operations (method, path, summary) of a valid spec.

On a **charter**, it checks the project's scope (\`systems\`):

- from the phase \`from\` (default \`execution\`: past planning), every interface between two systems
  of the scope has a contract; the finding is at the providing system in \`systems\`;
- when an interface of the scope carries \`personal\` or \`special-category\` data, the charter's
  \`policies\` name the security policy (a policy whose \`criteria\` list one of \`securityCriteria\`) and
  its \`regulations\` name a data-protection regulation (id or title matching \`dataProtection\`, such as
  "UK GDPR and the Data Protection Act 2018"), in every phase.

A retired interface drawn in a current architecture diagram is the \`architecture\` rule's finding.`,
    examples: {
      valid: [
        { title: 'the base example: a planned contract carrying financial data', files: {} },
        {
          title: 'a project past planning whose one interface has a live, tested contract with a valid OpenAPI file',
          base: 'execution',
          files: {
            'systems/crm.mdx': crmSystem('  - id: accounts-api\n    system: billing\n    protocol: REST/JSON\n' + contract({ lifecycle: 'live', more: '      testEvidence: project:alpha/plan\n      spec: specs/accounts-api.yaml\n' })),
            'systems/specs/accounts-api.yaml': `openapi: 3.0.3
info:
  title: Accounts API
  version: "1.0"
paths:
  /accounts/{id}:
    get:
      summary: Read one account
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The account
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Account"
components:
  schemas:
    Account:
      type: object
      properties:
        id:
          type: string
`,
          },
        },
      ],
      invalid: [
        {
          title: 'a project past planning with an in-scope interface that has no contract',
          criteria: ['K26.1', 'K27.2', 'K19.4'],
          base: 'execution',
          files: {
            'systems/crm.mdx': crmSystem(BILLING_INTERFACE),
          },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 11, message: 'The interface "billing" between "crm" and "billing" joins two systems of the project\'s scope but has no contract. Add a "contract" with its owner, direction, data classes, service levels, standard and lifecycle to it in systems/crm.mdx.' },
          ],
        },
        {
          title: 'a contract whose test evidence and OpenAPI file do not hold up, and a duplicate id',
          criteria: ['K29'],
          base: 'execution',
          files: {
            'systems/crm.mdx': crmSystem(
              BILLING_INTERFACE +
                contract({
                  direction: 'both',
                  lifecycle: 'live',
                  more: `      testEvidence: project:alpha/status/2026-01-01 # ^ interface-contracts:21 The test evidence "project:alpha/status/2026-01-01" names no project record. Name an existing record as project:<project>/<record>, or give the test report's web address.
      spec: specs/billing-api.yaml # ^ interface-contracts:13 /^The specification "specs\\/billing-api.yaml" has a \\$ref to "https:\\/\\/schemas.example\\/account.json" at \\/paths\\/~1accounts\\/get\\/responses\\/200/
`,
                }) +
                `  - system: billing # ^ interface-contracts:13 Two interfaces of this system have the id "billing". Give each its own "id".
    protocol: SFTP batch
`,
            ),
            'systems/specs/billing-api.yaml': `openapi: 3.0.3
info:
  title: Billing API
  version: "1.0"
paths:
  /accounts:
    get:
      summary: List accounts
      responses:
        "200":
          $ref: "https://schemas.example/account.json"
`,
          },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 11, message: /^The interface "billing" between "crm" and "billing" joins two systems of the project's scope but has no contract/ },
          ],
        },
        {
          title: 'a live contract without test evidence, and an OpenAPI file that is not valid',
          criteria: ['K29'],
          base: 'execution',
          files: {
            'systems/crm.mdx': crmSystem(
              BILLING_INTERFACE +
                contract({
                  lifecycle: `live # ^ interface-contracts:18 The interface "billing" is live but its contract names no test evidence. Add "testEvidence": the project record (project:<project>/<record>) or the web address of the test report.`,
                  more: `      spec: specs/billing-api.yaml # ^ interface-contracts:13 /^The specification "specs\\/billing-api.yaml" is not valid OpenAPI: .*version/
`,
                }),
            ),
            'systems/specs/billing-api.yaml': 'openapi: 3.0.3\ninfo:\n  title: Billing API\npaths: {}\n',
          },
        },
        {
          title: 'an interface carrying personal data in a charter that names neither the security policy nor a data-protection regulation',
          criteria: ['K28.1', 'K26.3'],
          files: {
            'systems/crm.mdx': crmSystem(BILLING_INTERFACE + contract({ dataClasses: '[personal, financial]' })),
          },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 13, column: 11, message: 'The interface "billing" between "crm" and "billing" carries personal data, but the charter\'s "policies" name no security policy (a policy whose criteria list K28.1). Add it.' },
            { file: 'projects/alpha/index.mdx', line: 2, column: 1, message: /^The interface "billing" between "crm" and "billing" carries personal data, but the charter's "regulations" name no data-protection regulation/ },
          ],
        },
      ],
    },
  },
  prepare: prepareSpecs,
  check({ graph, record, options, report }) {
    if (!record.data) return;
    if (record.type === 'systems') {
      const seen = new Set<string>();
      for (const i of systemInterfaces(record.id, record.data)) {
        const at = (...path: string[]) => ({ path: ['interfaces', i.index, ...path] });
        if (seen.has(i.id)) report({ message: `Two interfaces of this system have the id ${quote(i.id)}. Give each its own "id".`, at: typeof record.data.interfaces[i.index] === 'string' ? at() : at('system') });
        seen.add(i.id);
        const contract = i.contract;
        if (!contract) continue;
        if ((contract.lifecycle === 'live' || contract.lifecycle === 'retiring') && !contract.testEvidence) {
          report({ message: `The interface ${quote(i.id)} is ${contract.lifecycle} but its contract names no test evidence. Add "testEvidence": the project record (project:<project>/<record>) or the web address of the test report.`, at: at('contract', 'lifecycle') });
        }
        if (contract.testEvidence?.startsWith('project:') && !recordById(graph, 'project', contract.testEvidence.slice('project:'.length))) {
          report({ message: `The test evidence ${quote(contract.testEvidence)} names no project record. Name an existing record as project:<project>/<record>, or give the test report's web address.`, at: at('contract', 'testEvidence') });
        }
        if (contract.spec) {
          const where = specFile(record.file, contract.spec);
          const problems = 'problem' in where ? [where.problem] : (specOf(graph, where.file)?.problems ?? []);
          for (const problem of problems) report({ message: `The specification ${quote(contract.spec)} ${problem}`, at: at('contract', 'spec') });
        }
      }
      return;
    }
    const charter = record.data;
    const interfaces = inScope(graph, charter.systems);
    const systemAt = (id: string) => ({ path: ['systems', charter.systems.indexOf(id)] });
    if (PHASES.indexOf(charter.phase) >= PHASES.indexOf(options.from)) {
      for (const i of interfaces) {
        if (i.contract) continue;
        const file = graph.systems.get(i.provider)!.file;
        report({ ...say`The interface ${quote(i.id)} between ${quote(i.provider)} and ${quote(i.system)} joins two systems of the project's scope but has no contract. Add ${CONTRACT} to it in ${mention(file, file)}.`, at: systemAt(i.provider) });
      }
    }
    const personal = interfaces.find((i) => i.contract?.dataClasses.some((c) => PERSONAL_DATA.has(c)));
    if (!personal) return;
    const what = `The interface ${quote(personal.id)} between ${quote(personal.provider)} and ${quote(personal.system)} carries personal data, but the charter's`;
    const keys = (refs: string[]) => refs.flatMap((ref) => findCriterion(graph, ref)?.key ?? []);
    const securityKeys = new Set(keys(options.securityCriteria));
    const security = charter.policies.some((p) => keys(graph.policies.get(p)?.data?.criteria ?? []).some((c) => securityKeys.has(c)));
    if (!security) report({ message: `${what} "policies" name no security policy (a policy whose criteria list ${options.securityCriteria.join(' or ')}). Add it.`, at: charter.policies.length ? { path: ['policies'] } : { path: ['policies'], key: true } });
    const pattern = new RegExp(options.dataProtection, 'i');
    if (!charter.regulations.some((r) => pattern.test(r.id) || pattern.test(r.title))) {
      report({ message: `${what} "regulations" name no data-protection regulation. Add the one that governs the data (for example "UK GDPR and the Data Protection Act 2018").`, at: charter.regulations.length ? { path: ['regulations'] } : { path: ['regulations'], key: true } });
    }
  },
});
