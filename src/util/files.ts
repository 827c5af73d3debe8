import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './errors.js';

/** File access as the commands need it, with errors people can act on. */
export interface Files {
  /** Reads a text file; a missing or unreadable file is a UsageError naming `what`. */
  readText(path: string, what: string): Promise<string>;
  /** Writes a text file, creating its folder. */
  writeText(path: string, text: string): Promise<void>;
  /** True when something exists at path (a folder there fails later, when read). */
  exists(path: string): Promise<boolean>;
  /** The names of the entries of a folder, sorted; undefined when `path` is not a folder. */
  listFolder(path: string): Promise<string[] | undefined>;
  /** Fails early (before measuring for minutes) when `path`'s folder cannot be written. */
  checkWritable(path: string, what: string): Promise<void>;
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? String(error);
}

/** Checking writability without creating anything: the closest folder that exists decides. */
async function nearestExistingFolder(folder: string): Promise<string> {
  let current = folder;
  while (!(await stat(current).catch(() => undefined))) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** The real file system. */
export function createFiles(): Files {
  return {
    async readText(path, what) {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${what} "${path}": ${reason(error)}; check the path`);
      }
    },
    async exists(path) {
      return (await stat(path).catch(() => undefined)) !== undefined;
    },
    async listFolder(path) {
      if (!(await stat(path).catch(() => undefined))?.isDirectory()) return undefined;
      return (await readdir(path)).sort();
    },
    async writeText(path, text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    },
    async checkWritable(path, what) {
      try {
        if ((await stat(path).catch(() => undefined))?.isDirectory())
          throw Object.assign(new Error(), { code: 'EISDIR' });
        await access(await nearestExistingFolder(dirname(path)), constants.W_OK);
      } catch (error) {
        throw new UsageError(`cannot write ${what} "${path}": ${reason(error)}; pick another path`);
      }
    },
  };
}
