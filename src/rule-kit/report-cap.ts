// A cap on how many findings one rule reports one by one in one file. A hostile file (250,000 prompts,
// 50,000 broken links) would otherwise flood every report with findings nobody reads, and cost the
// rule the work of explaining each; past the cap a rule only counts what it finds, and one last
// finding says how many more there are. The one place the cap is set, for every rule that uses it.
import type { Report } from './rule.ts';

/** The most findings one rule reports one by one in one file. */
export const MAX_FINDINGS_PER_FILE = 100;

export interface CappedReport<F extends boolean = boolean> {
  /** Reports a finding while under the cap; past it, counts it. */
  report(report: Report<F>): void;
  /** True once the cap is reached: a finding will only be counted, so a rule can skip building its message. */
  readonly full: boolean;
  /** Counts a finding past the cap without building it (where it is: the place of the counting finding). */
  count(at: Report['at']): void;
  /** Reports the finding that counts those left out, if any, at the first of them. */
  finish(message: (more: number, shown: number) => string): void;
}

/** Wraps a rule's `report` with the cap (one per file the rule checks). */
export function capReports<F extends boolean>(report: (report: Report<F>) => void): CappedReport<F> {
  let count = 0;
  let firstHidden: Report['at'];
  const capped: CappedReport<F> = {
    report(r) {
      if (++count <= MAX_FINDINGS_PER_FILE) report(r);
      else firstHidden ??= r.at;
    },
    get full() {
      return count >= MAX_FINDINGS_PER_FILE;
    },
    count(at) {
      if (++count > MAX_FINDINGS_PER_FILE) firstHidden ??= at;
    },
    finish(message) {
      if (count > MAX_FINDINGS_PER_FILE) report({ message: message(count - MAX_FINDINGS_PER_FILE, MAX_FINDINGS_PER_FILE), at: firstHidden } as Report<F>);
    },
  };
  return capped;
}
