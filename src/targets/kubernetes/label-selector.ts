/**
 * Kubernetes label selectors (`--node-selector`) parsed and matched here: pure, no I/O.
 * Nodes are filtered on our side so that one list of all nodes can also explain why each was left out.
 */
import { UsageError } from '../../util/errors.js';

/** One requirement of a selector, as the API server reads it. */
export interface LabelRequirement {
  key: string;
  operator: 'exists' | 'notExists' | 'in' | 'notIn';
  values: string[];
}

const HINT = "Expected a Kubernetes label selector, e.g. 'perf=true' or 'zone in (a,b),!spot'.";

/** Splits on commas outside parentheses: `a in (x,y),b` → `a in (x,y)`, `b`. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const VALUE = '[-A-Za-z0-9_.]*';
const SET_FORM = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^)]*)\)$`);
const EQUALITY_FORM = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS_FORM = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

function parseRequirement(part: string, selector: string): LabelRequirement {
  const set = SET_FORM.exec(part);
  if (set?.[1] !== undefined && set[3] !== undefined) {
    const values = set[3].split(',').map((value) => value.trim());
    return { key: set[1], operator: set[2] === 'in' ? 'in' : 'notIn', values };
  }
  const equality = EQUALITY_FORM.exec(part);
  if (equality?.[1] !== undefined && equality[3] !== undefined) {
    return { key: equality[1], operator: equality[2] === '!=' ? 'notIn' : 'in', values: [equality[3]] };
  }
  const exists = EXISTS_FORM.exec(part);
  if (exists?.[2] !== undefined) {
    return { key: exists[2], operator: exists[1] === '!' ? 'notExists' : 'exists', values: [] };
  }
  throw new UsageError(`Invalid --node-selector '${selector}': cannot read '${part}'. ${HINT}`);
}

/** Parses a label selector; an empty one selects everything. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  if (selector.trim() === '') return [];
  return splitRequirements(selector).map((part) => parseRequirement(part, selector));
}

function matchesRequirement(
  labels: Readonly<Record<string, string>>,
  requirement: LabelRequirement,
): boolean {
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'exists':
      return value !== undefined;
    case 'notExists':
      return value === undefined;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notIn':
      // As in Kubernetes: a missing label satisfies `!=` and `notin`.
      return value === undefined || !requirement.values.includes(value);
  }
}

/** Whether labels satisfy every requirement. */
export function matchesSelector(
  labels: Readonly<Record<string, string>> | undefined,
  requirements: readonly LabelRequirement[],
): boolean {
  return requirements.every((requirement) => matchesRequirement(labels ?? {}, requirement));
}
