/**
 * The PATCH bodies the API server accepts, applied to an object: JSON patch (RFC 6902), JSON merge patch
 * (RFC 7386) and strategic merge patch, read here as a merge patch whose `$`-directives are dropped and
 * whose lists of named objects (containers, env, ports…) merge by name, which is what the fields kubectl
 * patches need. Pure.
 */
import { badRequest, statusForCode, unprocessable } from './status.js';

/** The patch content types, as the API server names them. */
export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** Which patch a content type asks for; a type the server does not take is 415. */
export function patchTypeOf(contentType: string | undefined): keyof typeof PATCH_TYPES {
  const type = String(contentType ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  for (const [key, value] of Object.entries(PATCH_TYPES))
    if (value === type) return key as keyof typeof PATCH_TYPES;
  const accepted = Object.values(PATCH_TYPES).join(', ');
  const error = statusForCode(
    415,
    `the body of the request was in an unknown format - accepted media types include: ${accepted}`,
  );
  error.status.reason = 'UnsupportedMediaType';
  throw error;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386: objects merge key by key, null removes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Lists of objects that all carry a string `name` merge element by element (the merge key of containers, env, ports). */
function mergeNamedLists(target: Json[], patch: Json[]): Json[] | undefined {
  const named = (list: Json[]) => list.every((item) => isObject(item) && typeof item.name === 'string');
  if (target.length === 0 || !named(target) || !named(patch)) return undefined;
  const result = structuredClone(target) as Record<string, Json>[];
  for (const item of patch as Record<string, Json>[]) {
    const index = result.findIndex((existing) => existing.name === item.name);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = strategicMergePatch(result[index], item) as Record<string, Json>;
    else result.push(strategicMergePatch({}, item) as Record<string, Json>);
  }
  return result;
}

/** Strategic merge patch for the fields the simulator keeps: a merge patch, named lists merged by name, directives dropped. */
export function strategicMergePatch(target: Json, patch: Json): Json {
  if (Array.isArray(patch) && Array.isArray(target))
    return mergeNamedLists(target, patch) ?? structuredClone(patch);
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') return strategicMergePatch({}, { ...patch, $patch: undefined });
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue; // $patch, $retainKeys, $setElementOrder/…, $deleteFromPrimitiveList/…
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = strategicMergePatch(result[key], value);
  }
  return result;
}

/** An RFC 6901 pointer as its unescaped tokens. */
function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The parent container of a pointer and the last token; a missing parent is the API server's 422. */
function locate(document: Json, pointer: string): { parent: Json; key: string } {
  const tokens = pointerTokens(pointer);
  const key = tokens.pop();
  if (key === undefined) throw unprocessable('the root of the document cannot be patched');
  let parent = document;
  for (const token of tokens) {
    const next = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? parent[token] : undefined;
    if (next === undefined) throw unprocessable(`doc is missing path: "${pointer}": missing value`);
    parent = next;
  }
  return { parent, key };
}

function readAt(document: Json, pointer: string): Json {
  const { parent, key } = locate(document, pointer);
  const value = Array.isArray(parent) ? parent[Number(key)] : isObject(parent) ? parent[key] : undefined;
  if (value === undefined) throw unprocessable(`doc is missing path: "${pointer}": missing value`);
  return value;
}

function removeAt(document: Json, pointer: string): void {
  readAt(document, pointer);
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
}

function addAt(document: Json, pointer: string, value: Json): void {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw unprocessable(`add operation does not apply: index ${key} is out of bounds`);
    parent.splice(index, 0, structuredClone(value));
  } else if (isObject(parent)) parent[key] = structuredClone(value);
  else throw unprocessable(`doc is missing path: "${pointer}": missing value`);
}

/** RFC 6902 JSON patch: add, remove, replace, move, copy, test. */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw badRequest('json patch is not a list of operations');
  const document = structuredClone(target);
  for (const operation of operations) {
    if (!isObject(operation)) throw badRequest('json patch operation is not an object');
    const path = String(operation.path ?? '');
    switch (operation.op) {
      case 'add':
        addAt(document, path, operation.value);
        break;
      case 'remove':
        removeAt(document, path);
        break;
      case 'replace':
        removeAt(document, path);
        addAt(document, path, operation.value);
        break;
      case 'move':
      case 'copy': {
        const from = String(operation.from ?? '');
        const value = structuredClone(readAt(document, from));
        if (operation.op === 'move') removeAt(document, from);
        addAt(document, path, value);
        break;
      }
      case 'test':
        if (JSON.stringify(readAt(document, path)) !== JSON.stringify(operation.value))
          throw unprocessable(`testing value ${path} failed`);
        break;
      default:
        throw badRequest(`Unexpected kind: ${String(operation.op)}`);
    }
  }
  return document;
}

/** Applies a patch of the given type (apply patches are read as merge patches of the whole object). */
export function applyPatch(target: Json, type: keyof typeof PATCH_TYPES, patch: Json): Json {
  switch (type) {
    case 'json':
      return jsonPatch(target, patch);
    case 'strategic':
      return strategicMergePatch(target, patch);
    case 'merge':
    case 'apply':
      return mergePatch(target, patch);
  }
}
