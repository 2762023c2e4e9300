// Text from records, made safe to place inside generated Mermaid source: no line breaks, no comment
// or entity syntax, and none of the characters a given statement uses as separators.

/** Collapses whitespace and removes what Mermaid reads as syntax anywhere: `%%` comments, `#…;` entities. */
export function plainText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/%%/g, '%').replace(/#/g, 'No. ').replace(/[{}]/g, '').trim();
}

/** Text for a gantt task, section or title, which `:` and `;` would cut short. */
export function ganttText(text: string): string {
  return plainText(text).replace(/:/g, ' -').replace(/;/g, ',');
}

/** A quoted flowchart label (`["…"]`): double quotes become Mermaid's `#quot;` entity. */
export function quotedLabel(text: string): string {
  return `"${plainText(text).replace(/"/g, '#quot;')}"`;
}
