// Expressive Code reads this file itself (Starlight's code blocks and its `<Code>` component alike;
// options given in astro.config.mjs would not reach `<Code>`, which needs them as plain JSON). What it
// sets, and why, is in src/site/integrations/code-highlighting.ts.
import { expressiveCodeOptions } from './src/site/integrations/code-highlighting.ts';

export default expressiveCodeOptions;
