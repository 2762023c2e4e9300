// `seam links`: the link check alone — the `links` rule over the content (pages, anchors, files) and,
// with `--external`, every web address, checked over the network with a cache (`--offline`: from the
// cache only). Exit 0 when no link is broken, 1 when one is, 2 on bad usage.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { graphOptions, loadGraph } from '../model/graph.ts';
import { lint, selectFiles } from '../lint/engine.ts';
import type { RuleSetting } from '../lint/engine.ts';
import { addressGuard, type Lookup } from '../lint/address-guard.ts';
import { checkExternalLinks, externalLinkRule, externalLinksIn, isReservedAddress, LinkCache } from '../lint/external-links.ts';
import type { FetchLike } from '../lint/external-links.ts';
import { parseSourceBody } from '../rule-kit/parse.ts';
import { reporters } from '../lint/reporters/index.ts';
import type { ReporterName } from '../lint/reporters/index.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { HOMEPAGE, seamVersion } from '../lint/version.ts';
import { openCommandWorkspace, requireContent } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';
import { progressBar } from './progress.ts';

export const LINK_CACHE_FILE = '.seam-cache/links.json';

export interface LinksFlags extends WorkspaceFlags {
  external?: boolean;
  offline?: boolean;
  format: ReporterName;
  concurrency?: string;
  /** `--no-cache` sets it false: neither read nor write .seam-cache/links.json. */
  cache: boolean;
  outputFile?: string;
  color: boolean;
}

export interface LinksDependencies {
  /** How web addresses are fetched (tests inject one; the default is the global `fetch`). */
  fetch?: FetchLike;
  /** Host name resolution for the address guard (DNS by default). */
  lookup?: Lookup;
}

export async function linksCommand(paths: string[], flags: LinksFlags, io: IO, deps: LinksDependencies = {}): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  for (const path of paths) {
    if (!existsSync(resolve(io.cwd, path))) throw new UsageError(`No such file or folder: ${path}`);
  }
  const concurrency = flags.concurrency === undefined ? workspace.config.links.concurrency : parsePositive(flags.concurrency);
  const links = workspace.settings.find((s) => s.rule.meta.id === 'links');
  if (!links) throw new Error('The links rule is missing from the rule catalogue.');
  // `seam links` is asked for explicitly, so it runs even where the config turns the rule off for `seam lint`.
  const settings: RuleSetting[] = [{ ...links, severity: links.severity === 'off' ? links.rule.meta.severity : links.severity }];
  const lintOptions = { root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, paths };

  if (flags.external || flags.offline) {
    const { links: linkConfig } = workspace.config;
    const graph = await loadGraph(workspace.root, graphOptions(workspace.config));
    const urls = new Set<string>();
    for (const file of selectFiles(graph, lintOptions)) {
      const record = graph.byFile.get(file);
      if (!record) continue;
      const parsed = parseSourceBody(record.source);
      for (const { url } of externalLinksIn(file, parsed.ok ? parsed.tree : undefined, record.source.data)) {
        if (!isReservedAddress(url) && !linkConfig.ignore.some((prefix) => url.startsWith(prefix))) urls.add(url);
      }
    }
    const cache = flags.cache ? new LinkCache(join(workspace.repoRoot, LINK_CACHE_FILE)) : undefined;
    const { results, fromCache } = await checkExternalLinks(urls, {
      fetch: deps.fetch,
      offline: flags.offline,
      cache,
      concurrency,
      timeoutMs: linkConfig.timeoutMs,
      retries: linkConfig.retries,
      backoffMs: linkConfig.backoffMs,
      maxAgeMs: linkConfig.cacheMaxAgeDays * 86_400_000,
      guard: addressGuard(linkConfig.allowPrivate, deps.lookup),
    });
    await cache?.save();
    settings.push({ rule: externalLinkRule(links.rule.meta, results), severity: settings[0]!.severity, options: {} });
    const unchecked = [...results.values()].filter((r) => r.state === 'unchecked').length;
    io.stderr(`seam: ${urls.size} web ${urls.size === 1 ? 'address' : 'addresses'}: ${urls.size - fromCache - unchecked} checked, ${fromCache} from the cache${flags.offline ? `, ${unchecked} not checked (offline)` : ''}.\n`);
  }

  const progress = progressBar(io, 'checking links in');
  const { result, graph } = await lint({ ...lintOptions, settings, onProgress: progress.update }).finally(progress.stop);
  requireContent(workspace, graph.files);
  // Both halves of the check report as the one `links` rule.
  result.rules = result.rules.filter((rule, i, all) => all.findIndex((r) => r.id === rule.id) === i);
  const context = {
    cwd: io.cwd,
    version: seamVersion(),
    informationUri: HOMEPAGE,
    color: flags.color && io.isTTY && !io.env.NO_COLOR && !flags.outputFile,
  };
  const output = reporters[flags.format](result, context);
  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, output);
  } else io.stdout(output);
  return result.errorCount > 0 ? 1 : 0;
}

function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--concurrency takes a whole number above 0 (got "${value}").`);
  return Number(value);
}
