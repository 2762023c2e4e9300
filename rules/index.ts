// The rule catalogue, in id order: the rules of the preset (rules/preset.ts). The CLI, the remark preset
// (.remarkrc), the rule catalogue on the site and the generated docs all take their list from here.
import type { Rule } from '../src/rule-kit/rule.ts';
import * as preset from './preset.ts';

export const rules: Rule[] = Object.values(preset).sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
