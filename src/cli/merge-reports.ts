// `seam merge-reports FILE...`: the reports of a sharded run's jobs (`seam lint --shard i/n --format json|sarif`)
// as one report, byte-identical to an unsharded run's, with the exit code an unsharded run would have:
// 0 clean, 1 errors (or more warnings than --max-warnings), 2 reports that are not the shards of one run.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { MergeError, mergeReports } from '../lint/merge-reports.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';

export interface MergeReportsFlags {
  outputFile?: string;
  maxWarnings?: number;
}

export async function mergeReportsCommand(files: string[], flags: MergeReportsFlags, io: IO): Promise<number> {
  const inputs = files.map((file) => {
    try {
      return { name: file, text: readFileSync(resolve(io.cwd, file), 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`Cannot read the report ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ` (${code ?? (error as Error).message})`}.`);
    }
  });
  let merged;
  try {
    merged = mergeReports(inputs);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message);
    throw error;
  }
  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, merged.output);
  } else io.stdout(merged.output);
  const tooManyWarnings = flags.maxWarnings !== undefined && merged.warningCount > flags.maxWarnings;
  return merged.errorCount > 0 || tooManyWarnings ? 1 : 0;
}
