// The interface contracts a system's page shows: each interface the system provides that has a
// contract, with its ends, service levels, standard, lifecycle, test evidence and the operations of its
// OpenAPI file. Other records are linked only when this build publishes them; a test-evidence record
// it does not publish is named "a restricted record", never by its id.
import type { SystemInterface, SpecResult } from '../../model/interfaces.ts';
import { specFile, systemInterfaces } from '../../model/interfaces.ts';
import { recordHref } from '../../model/identity.ts';
import { siteHref } from '../../model/site-address.ts';
import type { InterfaceContract, System } from '../../model/schemas.ts';

/** Text, linked when `href` is set. */
export interface Linked {
  text: string;
  href?: string;
}

export interface ContractView {
  /** The interface's id; its heading's anchor is `interface-<id>`. */
  id: string;
  anchor: string;
  provider: Linked;
  consumer: Linked;
  direction: string;
  protocol?: string;
  description?: string;
  owner: Linked;
  dataClasses: string[];
  personal: boolean;
  sla: InterfaceContract['sla'];
  standard: Linked;
  lifecycle: InterfaceContract['lifecycle'];
  testEvidence?: Linked;
  spec?: { file: string; title?: string; version?: string; problems: string[]; operations: SpecResult['operations'] };
}

/** What the view needs to know about the build: titles of published records, by type and id. */
export interface PublishedTitles {
  title(type: 'systems' | 'organisations' | 'policies', id: string): string | undefined;
  /** The page of a project record (`<project>/<path>`), if published. */
  projectRecord(id: string): { title: string; href: string } | undefined;
}

const DIRECTIONS: Record<InterfaceContract['direction'], string> = {
  'provider-to-consumer': 'from the provider to the consumer',
  'consumer-to-provider': 'from the consumer to the provider',
  both: 'both ways',
};

/** The anchor of an interface's contract on its providing system's page. */
export const interfaceAnchor = (id: string): string => `interface-${id}`;

function linked(published: PublishedTitles, type: 'systems' | 'organisations' | 'policies', id: string): Linked {
  const title = published.title(type, id);
  return title ? { text: title, href: siteHref(recordHref(type, id)) } : { text: id };
}

function evidence(published: PublishedTitles, value: string): Linked {
  if (/^https?:\/\//.test(value)) return { text: value, href: value };
  const record = published.projectRecord(value.slice('project:'.length));
  return record ? { text: record.title, href: record.href } : { text: 'a restricted record' };
}

/**
 * The contracts of the interfaces `systemId` provides, in the order it lists them; `spec` gives the
 * loaded OpenAPI file for a content-relative path.
 */
export async function contractViews(
  systemId: string,
  systemFile: string,
  data: Pick<System, 'interfaces'>,
  published: PublishedTitles,
  spec: (file: string) => Promise<SpecResult>,
): Promise<ContractView[]> {
  const out: ContractView[] = [];
  for (const i of systemInterfaces(systemId, data).filter((x): x is SystemInterface & { contract: InterfaceContract } => !!x.contract)) {
    const c = i.contract;
    let specView: ContractView['spec'];
    if (c.spec) {
      const where = specFile(systemFile, c.spec);
      if ('problem' in where) specView = { file: c.spec, problems: [where.problem], operations: [] };
      else {
        const loaded = await spec(where.file);
        specView = { file: c.spec, title: loaded.title, version: loaded.version, problems: loaded.problems, operations: loaded.problems.length ? [] : loaded.operations };
      }
    }
    out.push({
      id: i.id,
      anchor: interfaceAnchor(i.id),
      provider: linked(published, 'systems', systemId),
      consumer: linked(published, 'systems', i.system),
      direction: DIRECTIONS[c.direction],
      protocol: i.protocol,
      description: i.description,
      owner: linked(published, 'organisations', c.owner),
      dataClasses: c.dataClasses,
      personal: c.dataClasses.some((d) => d === 'personal' || d === 'special-category'),
      sla: c.sla,
      standard: linked(published, 'policies', c.standard),
      lifecycle: c.lifecycle,
      ...(c.testEvidence ? { testEvidence: evidence(published, c.testEvidence) } : {}),
      ...(specView ? { spec: specView } : {}),
    });
  }
  return out;
}
