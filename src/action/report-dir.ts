/** report-dir is emptied before a run, so the artifact holds this run's files only. */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, parse, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { Inputs } from './constants.js';

/**
 * Empties `reportDir` (creating it when missing). Refuses the workspace itself, a folder above it
 * and the filesystem root: emptying those would delete the checkout; and a baseline file inside it.
 */
export async function emptyReportDir(
  reportDir: string,
  workspace: string,
  baselineFile?: string,
): Promise<void> {
  const folder = resolve(workspace, reportDir);
  const root = resolve(workspace);
  if (folder === parse(folder).root || root === folder || root.startsWith(`${folder}/`)) {
    throw new UsageError(
      `input ${Inputs.ReportDir} "${reportDir}" is the workspace or a folder above it; name a folder of its own (it is emptied before each run)`,
    );
  }
  if (baselineFile !== undefined && resolve(workspace, baselineFile).startsWith(`${folder}/`)) {
    throw new UsageError(
      `input ${Inputs.Baseline} "${baselineFile}" is inside ${Inputs.ReportDir} "${reportDir}", which is emptied before each run; keep the baseline elsewhere`,
    );
  }
  await mkdir(folder, { recursive: true });
  for (const entry of await readdir(folder)) {
    await rm(join(folder, entry), { recursive: true, force: true });
  }
}
