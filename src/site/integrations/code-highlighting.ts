// How the site colours code (Starlight's Expressive Code, which tokenizes with Shiki): the rule pages'
// examples (`<Code>` in src/pages/rules/[id].astro) and any Markdown Astro itself renders. Record and
// handbook bodies are never highlighted (src/site/views/render.ts writes their code blocks as text).
// ec.config.mjs hands these options to Expressive Code, so the `<Code>` component and Markdown get them alike.
//
// Shiki stops tokenizing a line after 500 ms by default and shows the rest of it uncoloured, so the same
// example came out coloured differently on a loaded machine than on a quiet one, and the same content
// must give a byte-identical site. Here tokenizing has no time limit, and a line of
// MAX_HIGHLIGHTED_LINE characters or more is not tokenized at all but shown in the text colour: the
// colours depend only on the text, and the longest line tokenized is bounded. That bounds how long
// one line can take only as far as the grammar's patterns are linear in the line's length; a shorter
// line built against a backtracking-heavy pattern can still take seconds (examples come from rule
// code, which already runs with the rights of whoever builds).
import type { StarlightExpressiveCodeOptions } from '@astrojs/starlight/expressive-code';

/** A line this long or longer is shown uncoloured (longer than every line of Seam's own rule examples). */
export const MAX_HIGHLIGHTED_LINE = 1000;

/** The options Shiki tokenizes a code block with that this sets (Shiki's `TokenizeWithThemeOptions`). */
interface TokenizeOptions {
  tokenizeTimeLimit?: number;
  tokenizeMaxLineLength?: number;
}

/**
 * A Shiki transformer: its `preprocess` hook is the one place Expressive Code lets a configuration reach
 * the options each code block is tokenized with (its own `shiki` options have no setting for either).
 */
const boundedTokenizing = {
  name: 'seam:bounded-tokenizing',
  preprocess(_code: string, options: TokenizeOptions): void {
    // 0 is "no limit" to Shiki: the line is tokenized to its end however long that takes.
    options.tokenizeTimeLimit = 0;
    options.tokenizeMaxLineLength = MAX_HIGHLIGHTED_LINE;
  },
};

/** Expressive Code's options for the site (ec.config.mjs exports them). */
export const expressiveCodeOptions: StarlightExpressiveCodeOptions = { shiki: { transformers: [boundedTokenizing] } };
