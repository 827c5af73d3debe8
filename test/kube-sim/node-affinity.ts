/**
 * Required node affinity as the scheduler's NodeAffinity plugin reads it:
 * `requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, terms ORed, the expressions and
 * fields of one term ANDed. Pure.
 */
import type { NodeObject, PodObject } from './types.js';

/** One `matchExpressions` / `matchFields` requirement. */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** One term of a node selector. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

interface AffinityShape {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  };
}

/** Whether one requirement holds for a value (undefined: the label is absent). */
export function requirementHolds(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers; a label that is not one never matches.
      const label = /^-?\d+$/.test(value ?? '') ? Number(value) : Number.NaN;
      const bound = Number(values[0]);
      return requirement.operator === 'Gt' ? label > bound : label < bound;
    }
    default:
      return false;
  }
}

/** Whether a term matches: every expression on the labels, every field (only `metadata.name`). */
function termMatches(term: NodeSelectorTerm, node: NodeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // The API server rejects a term with neither; the scheduler then matches nothing.
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => requirementHolds(r, labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && requirementHolds(r, node.metadata.name))
  );
}

/** Whether the pod's required node affinity admits the node (true when it has none). */
export function matchesRequiredNodeAffinity(pod: PodObject, node: NodeObject): boolean {
  const affinity = pod.spec.affinity as AffinityShape | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined) return true;
  return terms.some((term) => termMatches(term, node));
}
