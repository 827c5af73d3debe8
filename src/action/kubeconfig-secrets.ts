/**
 * The credentials of a kubeconfig, found by parsing it (YAML or JSON, block or flow style, folded or
 * literal scalars alike): every value under `users[].user` that authenticates. Pure.
 */
import { parse } from 'yaml';

/** Fields of `users[].user` whose values are credentials. */
const CREDENTIAL_FIELDS = new Set(['token', 'password', 'client-key-data']);
/** Keys of auth-provider `config` and similar maps whose values are credentials. */
const CREDENTIAL_KEY = /token|secret|password|key|credential/i;
/** Lines of a multi-line credential shorter than this are not masked alone (a lone `}` would mask every brace). */
export const MIN_LINE_SECRET_CHARS = 4;

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** String values of a map whose key names a credential. */
function credentialValues(map: Json): string[] {
  if (!isRecord(map)) return [];
  return Object.entries(map)
    .filter(([key, value]) => CREDENTIAL_KEY.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
}

/** Every value of an exec plugin's `env` list (names are public, values often are not). */
function execEnvValues(exec: Json): string[] {
  if (!isRecord(exec) || !Array.isArray(exec.env)) return [];
  return exec.env
    .map((entry) => (isRecord(entry) ? entry.value : undefined))
    .filter((value): value is string => typeof value === 'string');
}

/** The credentials of one `users[].user` entry. */
function userCredentials(user: Json): string[] {
  if (!isRecord(user)) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(user)) {
    if (CREDENTIAL_FIELDS.has(key) && typeof value === 'string') found.push(value);
  }
  if (isRecord(user['auth-provider'])) found.push(...credentialValues(user['auth-provider'].config));
  found.push(...execEnvValues(user.exec));
  return found;
}

/** A credential and, when it spans lines, each of its lines on its own. */
function withLines(secret: string): string[] {
  const lines = secret
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= MIN_LINE_SECRET_CHARS);
  return lines.length > 1 ? [secret, ...lines] : [secret];
}

/**
 * The credentials in a kubeconfig's text, each multi-line one also line by line; undefined when the
 * text is not YAML or JSON (the caller then falls back to a line scan).
 */
export function kubeconfigSecrets(text: string): string[] | undefined {
  let document: Json;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(document)) return undefined;
  const users = Array.isArray(document.users) ? document.users : [];
  const secrets = users.flatMap((entry) => (isRecord(entry) ? userCredentials(entry.user) : []));
  return [...new Set(secrets.filter((secret) => secret.trim() !== '').flatMap(withLines))];
}
