import type { z } from 'zod';

/** `scenarios[1].test` from zod's path array. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Follows a path into the input to quote what the user wrote. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One issue as "field: what is allowed, got what". */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path);
  const got = quote(valueAt(input, issue.path));
  switch (issue.code) {
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'unrecognized_keys':
      return `${where}: unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      if (got === 'nothing') return `${where}: is required (${issue.expected})`;
      return `${where}: expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${got}`;
    case 'too_small':
      return `${where}: must be at least ${String(issue.minimum)}, got ${got}`;
    case 'too_big':
      return `${where}: must be at most ${String(issue.maximum)}, got ${got}`;
    default:
      return `${where}: ${issue.message}, got ${got}`;
  }
}

/**
 * A zod failure as one line for people: the file, the first bad field, what is allowed and what was
 * found, and how many more problems there are.
 */
export function describeSchemaError(label: string, error: z.ZodError, input: unknown): string {
  const [first, ...rest] = error.issues;
  if (first === undefined) return `${label}: invalid`;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${label}: ${describeIssue(first, input)}${more}`;
}
