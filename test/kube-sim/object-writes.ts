/**
 * What every write of a whole object shares: the metadata the API server fills in on create, the
 * identity a PATCH or PUT may not change, the resourceVersion precondition, and reading a PATCH body.
 */

import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { readBody } from './http.js';
import { newUid, timestamp } from './meta.js';
import { patchTypeOf } from './patch.js';
import { badRequest, conflict } from './status.js';
import type { KubeObject } from './types.js';

/** A PATCH body as its type and value (apply patches are YAML, of which JSON is a part). */
export async function readPatch(
  req: IncomingMessage,
): Promise<{ type: ReturnType<typeof patchTypeOf>; patch: unknown }> {
  const type = patchTypeOf(req.headers['content-type']);
  const text = (await readBody(req)).toString('utf8');
  try {
    return { type, patch: type === 'apply' ? parseYaml(text) : JSON.parse(text) };
  } catch (error) {
    throw badRequest(`the body of the request was in an unknown format: ${(error as Error).message}`);
  }
}

/**
 * The object after a change: identity (name, namespace, uid, creation time) kept from `current`; a
 * resourceVersion that the client sent and that is not the current one is 409 Conflict.
 */
export function keepIdentity<T extends KubeObject>(current: T, next: unknown, resource: string): T {
  if (typeof next !== 'object' || next === null || Array.isArray(next))
    throw badRequest('the patched object is not a JSON object');
  const changed = next as T;
  const sentVersion = changed.metadata?.resourceVersion;
  if (sentVersion && sentVersion !== current.metadata.resourceVersion)
    throw conflict(resource, current.metadata.name);
  changed.apiVersion = current.apiVersion;
  changed.kind = current.kind;
  changed.metadata = {
    ...(changed.metadata ?? {}),
    name: current.metadata.name,
    uid: current.metadata.uid,
    creationTimestamp: current.metadata.creationTimestamp,
    resourceVersion: current.metadata.resourceVersion,
  };
  if (current.metadata.namespace !== undefined) changed.metadata.namespace = current.metadata.namespace;
  return changed;
}

/** Metadata of a new object as the API server completes it. */
export function completeMeta(
  meta: Record<string, unknown>,
  name: string,
  namespace: string | undefined,
): KubeObject['metadata'] {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, ...rest } = meta;
  return {
    ...rest,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: newUid(),
    resourceVersion: '',
    creationTimestamp: timestamp(),
  };
}
