// A problem with content, as a value: where it is and what a person should do about it. The loader
// collects these instead of throwing; the lint engine turns them into findings.
import type { MessagePart } from './message.ts';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Problem extends Position {
  /** The file, relative to the content root, with forward slashes. */
  file: string;
  endLine?: number;
  endColumn?: number;
  /** What is wrong, in a sentence a person can act on. */
  message: string;
  /** The parts of `message`, when it names other records (see message.ts): how a restricted reader sees it. */
  parts?: MessagePart[];
  /** A stable code naming the kind of problem, e.g. `yaml`, `schema`, `dangling-reference`. */
  code: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
