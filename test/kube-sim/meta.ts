/** Object metadata helpers: timestamps, uids, generated names, and the API server's name rules. */
import { randomInt, randomUUID } from 'node:crypto';
import type { StatusCause } from './status.js';

/** Now, as the API server writes timestamps (RFC 3339, whole seconds). */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A new object uid. */
export function newUid(): string {
  return randomUUID();
}

/** The characters the API server draws generated-name suffixes from (no vowels, no look-alikes). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` plus five random characters, as the API server completes it. */
export function completeGeneratedName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[randomInt(NAME_ALPHABET.length)];
  return `${prefix.slice(0, 58)}${suffix}`;
}

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const LABEL_RE = new RegExp(`^${LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** A cause for a name that breaks the RFC 1123 rules, or undefined when it is fine. */
export function nameProblem(
  name: string,
  rule: 'label' | 'subdomain',
  field = 'metadata.name',
): StatusCause | undefined {
  const ok =
    rule === 'label'
      ? LABEL_RE.test(name) && name.length <= 63
      : SUBDOMAIN_RE.test(name) && name.length <= 253;
  if (ok) return undefined;
  const what =
    rule === 'label'
      ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
      : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  return { reason: 'FieldValueInvalid', message: `Invalid value: "${name}": ${what}`, field };
}

/** Reads `metadata` from a request body: the name (or a completed generateName) and the rest as sent. */
export function incomingMeta(body: Record<string, unknown>): { meta: Record<string, unknown>; name: string } {
  const meta = (body.metadata && typeof body.metadata === 'object' ? body.metadata : {}) as Record<
    string,
    unknown
  >;
  const given = typeof meta.name === 'string' ? meta.name : '';
  const prefix = typeof meta.generateName === 'string' ? meta.generateName : '';
  return { meta, name: given || (prefix ? completeGeneratedName(prefix) : '') };
}
