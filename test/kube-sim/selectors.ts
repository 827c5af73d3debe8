/** Label selectors and field selectors, with the syntax and the supported field labels of the API server. */
import { badRequest } from './status.js';
import type { KubeObject, ResourceName } from './types.js';

/** A parsed selector: true when the object matches. */
export type Selector = (object: KubeObject) => boolean;

const META_FIELDS = ['metadata.name', 'metadata.namespace'];
/** Field labels each resource supports (the API server rejects others with 400). */
export const FIELD_LABELS: Record<ResourceName, string[]> = {
  pods: [
    ...META_FIELDS,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: [...META_FIELDS, 'spec.unschedulable'],
  serviceaccounts: META_FIELDS,
  roles: META_FIELDS,
  rolebindings: META_FIELDS,
  clusterroles: META_FIELDS,
  clusterrolebindings: META_FIELDS,
  namespaces: [...META_FIELDS, 'status.phase'],
  events: [
    ...META_FIELDS,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
};

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

function labelRequirement(term: string): (labels: Record<string, string>) => boolean {
  const set = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = list.split(',').map((v) => v.trim());
    return (labels) =>
      op === 'in' ? values.includes(labels[key] ?? '\0') : !values.includes(labels[key] ?? '\0');
  }
  const cmp = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/.exec(term);
  if (cmp) {
    const [, key = '', op, value = ''] = cmp;
    return (labels) => (op === '!=' ? labels[key] !== value : labels[key] === value);
  }
  const exists = /^(!?)([^\s!=()]+)$/.exec(term);
  if (exists) {
    const [, negated, key = ''] = exists;
    return (labels) => (negated ? !(key in labels) : key in labels);
  }
  throw badRequest(`unable to parse requirement: found '${term}', expected: a valid label selector`);
}

/** Parses `labelSelector` (`a=b,c!=d,e in (x,y),!f`); an empty or missing selector matches everything. */
export function parseLabelSelector(text: string | null): Selector {
  const requirements = splitTopLevel(text ?? '').map(labelRequirement);
  return (object) => requirements.every((matches) => matches(object.metadata.labels ?? {}));
}

/** The value of a dotted field path as the API server's field set renders it (strings, booleans as text). */
function fieldValue(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const part of path.split('.')) {
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  }
  if (current === undefined || current === null) return path === 'spec.hostNetwork' ? 'false' : '';
  return String(current);
}

/** Parses `fieldSelector` (`spec.nodeName=x,status.phase!=Failed`) for a resource; unknown fields are 400. */
export function parseFieldSelector(text: string | null, resource: ResourceName): Selector {
  const requirements = splitTopLevel(text ?? '').map((term) => {
    const match = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const [, field = '', op, value = ''] = match;
    if (!FIELD_LABELS[resource].includes(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    return (object: KubeObject) =>
      op === '!=' ? fieldValue(object, field) !== value : fieldValue(object, field) === value;
  });
  return (object) => requirements.every((matches) => matches(object));
}
