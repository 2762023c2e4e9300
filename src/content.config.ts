// One content collection per record type, straight from the record-type table: the collection name is
// the type's name, its files are the type's `pattern` under the content root, its schema the type's
// schema. The loader enforces the type's schema with file:line:column errors and renders bodies
// without compiling them; Astro then applies the collection schema below. An audience build
// (SEAM_AUDIENCE, or `site.audience` in seam.config.yaml; `public` when neither is set) stores only
// the records its readers may see.
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { recordTypes } from './model/record-types.ts';
import * as schemas from './model/schemas.ts';
import { siteAudience, siteContentRoot, siteGraphOptions } from './site/integrations/content-root.ts';
import { recordLoader } from './site/integrations/loader.ts';
import type { RecordData, RecordTypeName } from './model/record-data.ts';

const contentRoot = siteContentRoot();
const { audience } = siteAudience();
const graph = siteGraphOptions();

/**
 * Handbook pages are Starlight's `docs` collection, so they get Starlight's schema (which also checks
 * the frontmatter of the site's own pages, through `<StarlightPage>`). Content files are first held to
 * Seam's strict `doc` schema by the loader, so authors cannot use Starlight fields that inject HTML or
 * scripts (`head`, `banner`, `hero`).
 */
const starlightSchema = docsSchema({ extend: z.object({ classification: schemas.doc.shape.classification }) });
let builtSchema: ReturnType<typeof starlightSchema> | undefined;
/**
 * Built once: `<StarlightPage>` (every record page) asks for the docs schema again on every page it
 * renders, and building it costs more than checking the page's frontmatter. Only its image field
 * (`hero.image`) depends on the context each caller passes, and no page has one: the loader holds
 * handbook pages to Seam's `doc` schema first, which refuses it, and Seam's own pages never pass one.
 */
const handbookSchema: typeof starlightSchema = (context) => (builtSchema ??= starlightSchema(context));

/** What Astro's generated types see, so `getCollection('policies')` (and Starlight's pages) are typed. */
type Collections = {
  [K in RecordTypeName]: {
    loader: Loader;
    schema: z.ZodType<K extends 'docs' ? z.output<ReturnType<typeof handbookSchema>> : RecordData[K]>;
  };
};

export const collections = Object.fromEntries(
  recordTypes.map((type) => [
    type.name,
    defineCollection({
      loader: recordLoader(type, { contentRoot, audience, graph }),
      schema: type.name === 'docs' ? handbookSchema : type.schema,
    }),
  ]),
) as Collections;
