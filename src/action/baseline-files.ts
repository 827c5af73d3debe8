/**
 * A file baseline written by a newer netperf-gate (a higher schemaVersion) must not block every pull
 * request with a hard error: such files are left out with a warning, and none left is no-baseline.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RESULTS_SCHEMA_VERSION } from '../results/schema.js';

/** The `.json` files a baseline path stands for: the file, or a folder's `.json` files. */
async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return [];
  if (!info.isDirectory()) return [path];
  return (await readdir(path)).filter((name) => name.endsWith('.json')).map((name) => join(path, name));
}

/** The schemaVersion a file declares, when it is JSON with a numeric one. */
async function declaredVersion(path: string): Promise<number | undefined> {
  try {
    const version = (JSON.parse(await readFile(path, 'utf8')) as { schemaVersion?: unknown }).schemaVersion;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined; // the gate's own reading names what is wrong with it
  }
}

/**
 * The baseline files to hand to the gate: every file of `paths` but those of a newer schemaVersion,
 * each of which gets a `warn` line. Undefined when nothing was left out (the paths stay as given).
 */
export async function withoutNewerSchema(
  paths: readonly string[],
  warn: (line: string) => void,
): Promise<{ kept: string[]; left: number } | undefined> {
  const kept: string[] = [];
  let left = 0;
  for (const file of (await Promise.all(paths.map(filesOf))).flat()) {
    const version = await declaredVersion(file);
    if (version !== undefined && version > RESULTS_SCHEMA_VERSION) {
      warn(
        `baseline file ${file} has schemaVersion ${version}, newer than this netperf-gate understands (${RESULTS_SCHEMA_VERSION}); left out (upgrade the action to use it)`,
      );
      left += 1;
    } else kept.push(file);
  }
  return left === 0 ? undefined : { kept, left };
}
