/** The `kubeconfig` input: masked in logs, written to a private file for the run, removed afterwards. */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kubeconfigSecrets, MIN_LINE_SECRET_CHARS } from './kubeconfig-secrets.js';

/** Kubeconfig fields whose values are credentials, for text that does not parse (a line scan). */
const SECRET_FIELDS =
  /^\s*-?\s*(token|client-key-data|password|id-token|refresh-token|access-token|client-secret)\s*:\s*["']?([^"'\s]+)/;

/**
 * Masks the kubeconfig: the whole text, and every credential under `users[].user` on its own (the
 * runner masks a registered secret as given, so a token that shows up alone in a message needs its
 * own entry), each line of a multi-line one too. Text that is not YAML or JSON is scanned line by line.
 */
export function maskKubeconfig(text: string, setSecret: (secret: string) => void): void {
  setSecret(text);
  const parsed = kubeconfigSecrets(text);
  if (parsed !== undefined) {
    for (const secret of parsed) setSecret(secret);
    return;
  }
  for (const line of text.split('\n')) {
    const value = SECRET_FIELDS.exec(line)?.[2];
    if (value !== undefined && value.length >= MIN_LINE_SECRET_CHARS) setSecret(value);
  }
}

/** Writes the kubeconfig to a new file only the runner's user can read (0600) in `folder`; returns its path. */
export async function writeKubeconfigFile(text: string, folder: string): Promise<string> {
  const path = join(folder, `netperf-gate-kubeconfig-${randomUUID()}.yaml`);
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
  return path;
}

/** Removes the kubeconfig file; a file already gone is fine. */
export async function removeKubeconfigFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
