// Seam's layers, as dependency-cruiser rules; tests/architecture.test.ts runs them in `npm test`.
// Dependencies flow one way: model ← rule kit ← rules ← lint ← cli, and model ← site (STYLE.md).
// Paths are relative to the repository root. Type-only imports count for the layer rules (a rule may
// not even name the engine's types) but not for cycles, which only matter at run time.

const SITE = '^(src/(site|pages|components|layouts)/|src/content\\.config\\.ts$|astro\\.config\\.mjs$)';
const SITE_FOLDERS = 'src/(site|pages|components|layouts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'rules-not-to-engine',
      comment: 'Rules never import the engine, the CLI or the site: what they share (the rule contract, yaml-edit, sections, the link index, diagrams, coverage) is in src/rule-kit/.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: `^(src/(lint|cli)/|${SITE_FOLDERS})` },
    },
    {
      name: 'rules-not-to-astro',
      comment: 'Rules run outside Astro (the CLI, remark, the language server): they never import it.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^node_modules/(astro|@astrojs)/' },
    },
    {
      name: 'rule-not-to-rule',
      comment: 'One rule, one module: a helper two rules need moves to src/rule-kit/ or src/model/. The preset imports every rule; rules/examples/ holds shared example text.',
      severity: 'error',
      from: { path: '^rules/[^/]+\\.ts$', pathNot: '^rules/(index|preset)\\.ts$' },
      to: { path: '^rules/[^/]+\\.ts$' },
    },
    {
      name: 'rule-kit-below-rules',
      comment: 'The rule kit sits below the rules and the engine: it imports only the model.',
      severity: 'error',
      from: { path: '^src/rule-kit/' },
      to: { path: `^(rules/|src/(lint|cli)/|${SITE_FOLDERS})` },
    },
    {
      name: 'model-at-the-bottom',
      comment: 'The model (schemas, record types, the record graph) depends on nothing of Seam\'s above it.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: `^(rules/|src/(rule-kit|lint|cli)/|${SITE_FOLDERS})` },
    },
    {
      name: 'export-below-cli',
      comment: 'src/export/ turns the record graph into files for other tools (JSON, CSV): it reads the model only, and the CLI is a thin wrapper over it.',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: `^(rules/|src/(rule-kit|lint|cli)/|${SITE_FOLDERS})` },
    },
    {
      name: 'nothing-below-reaches-export',
      comment: 'The exports sit beside the engine, under the CLI: the model, the rule kit, the rules and the engine never import them.',
      severity: 'error',
      from: { path: '^(rules/|src/(model|rule-kit|lint)/)' },
      to: { path: '^src/export/' },
    },
    {
      name: 'oscal-below-cli',
      comment: 'src/oscal/ converts criteria catalogues to and from OSCAL: it reads the model only, and the CLI is a thin wrapper over it.',
      severity: 'error',
      from: { path: '^src/oscal/' },
      to: { path: `^(rules/|src/(rule-kit|lint|cli|export)/|${SITE_FOLDERS})` },
    },
    {
      name: 'nothing-below-reaches-oscal',
      comment: 'The OSCAL conversion sits beside the exports, under the CLI: the model, the rule kit, the rules and the engine never import it.',
      severity: 'error',
      from: { path: '^(rules/|src/(model|rule-kit|lint)/)' },
      to: { path: '^src/oscal/' },
    },
    {
      name: 'lint-not-to-cli',
      comment: 'The engine serves the CLI, the remark preset and the site build; it never reaches up into them.',
      severity: 'error',
      from: { path: '^src/lint/' },
      to: { path: `^(src/cli/|${SITE_FOLDERS})` },
    },
    {
      name: 'cli-not-to-site',
      comment: 'The CLI lints and reports; rendering is the site\'s. What both need lives in the model or the rule kit.',
      severity: 'error',
      from: { path: '^(src/cli/|bin/)' },
      to: { path: SITE },
    },
    {
      name: 'site-not-to-cli',
      comment: 'The site reads the model and lint results, never the command line.',
      severity: 'error',
      from: { path: SITE },
      to: { path: '^(src/cli/|bin/)' },
    },
    {
      name: 'site-lints-in-one-place',
      comment: 'The site shows lint findings but never re-implements a check: only src/site/data/lint-state.ts (the build-time lint state every page shares) and src/site/integrations/content-safety.ts (the build\'s refusal of unsafe MDX and credentials, before any record loads) run the engine.',
      severity: 'error',
      from: { path: SITE, pathNot: '^src/site/(data/lint-state|integrations/content-safety)\\.ts$' },
      to: { path: '^src/lint/' },
    },
    {
      name: 'site-uses-the-engines-api',
      comment: 'Where the site runs the engine, it goes through its public API (src/lint/engine.ts, and the lint cache\'s read-only mode, src/lint/cache.ts), not the reporters or the remark preset.',
      severity: 'error',
      from: { path: SITE },
      to: { path: '^src/lint/', pathNot: '^src/lint/(engine|cache)\\.ts$' },
    },
    {
      name: 'site-safety-never-reads-the-cache',
      comment: 'Safety never comes from a cache: the build\'s refusal of unsafe MDX and credentials checks every file on every build. Only the lint state (src/site/data/lint-state.ts) reads the lint cache.',
      severity: 'error',
      from: { path: '^src/site/integrations/content-safety\\.ts$' },
      to: { path: '^src/lint/cache\\.ts$' },
    },
    {
      name: 'site-reads-rules-through-the-preset',
      comment: 'The site takes the rule catalogue from the preset (rules/index.ts: the rule pages, the handbook\'s "rules that read it", the lint state). One exception: content-safety runs the mdx-safety and secrets rules alone.',
      severity: 'error',
      from: { path: SITE },
      to: { path: '^rules/', pathNot: '^rules/(index|mdx-safety|secrets)\\.ts$' },
    },
    {
      name: 'site-views-are-pure',
      comment: 'src/site/views/ holds pure view models, tested without a build: they are handed page data and never fetch it (src/site/data/), wire Astro (src/site/integrations/) or run in the browser (src/site/client/).',
      severity: 'error',
      from: { path: '^src/site/views/' },
      to: { path: '^src/site/(data|integrations|client)/' },
    },
    {
      name: 'site-data-below-integrations',
      comment: 'src/site/data/ turns the published records into page data; the Astro wiring (src/site/integrations/) sits above it and browser code (src/site/client/) beside the pages.',
      severity: 'error',
      from: { path: '^src/site/data/' },
      to: { path: '^src/site/(integrations|client)/' },
    },
    {
      name: 'site-client-runs-alone',
      comment: 'src/site/client/ runs in the reader\'s browser: it cannot import what runs at build time (src/site/data/, src/site/integrations/).',
      severity: 'error',
      from: { path: '^src/site/client/' },
      to: { path: '^src/site/(data|integrations)/' },
    },
    {
      name: 'not-to-tests',
      comment: 'Nothing ships that depends on the tests.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles at run time. A cycle through a type-only import is erased when the TypeScript is stripped, so it does not count.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (marked `type-only`), so the layer rules see them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `astro:content` and the like are virtual modules Astro provides at build time.
    exclude: { path: '^astro:' },
  },
};
