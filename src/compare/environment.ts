import type { Environment, Results } from '../results/schema.js';

/** What to do when baseline and current ran on different environments. */
export const ENVIRONMENT_POLICIES = ['warn', 'fail', 'ignore'] as const;
export type EnvironmentPolicy = (typeof ENVIRONMENT_POLICIES)[number];

/** One fact that differs between the baseline's environment and the current one. */
export interface EnvironmentDifference {
  field: string;
  baseline: string;
  current: string;
}

/** Flattens an environment (and the target settings) to comparable "field → value" pairs. */
function flatten(environment: Environment, target: Results['target']): Map<string, string> {
  const facts = new Map<string, string>([
    ['target', target.kind],
    ['netperf version', environment.netperfVersion],
  ]);
  for (const role of ['client', 'server'] as const) {
    const node = environment[role];
    facts.set(`${role} node`, node.name);
    facts.set(`${role} kernel`, node.kernel);
    facts.set(`${role} CPU model`, node.cpuModel);
    facts.set(`${role} CPU count`, String(node.cpuCount));
    for (const [key, value] of Object.entries(node.details)) {
      // The namespace name carries the run's pid: it differs every run and says nothing about speed.
      if (key !== 'namespace') facts.set(`${role} ${key}`, value);
    }
  }
  for (const [key, value] of Object.entries(environment.details)) facts.set(key, value);
  return facts;
}

/**
 * Lists every fact that differs (kernel, CPU, netperf, nodes, Kubernetes and CNI versions, what-if
 * settings …), sorted by field so reports are stable. A fact only one side has shows as "(none)".
 */
export function diffEnvironments(baseline: Results, current: Results): EnvironmentDifference[] {
  const before = flatten(baseline.environment, baseline.target);
  const after = flatten(current.environment, current.target);
  const fields = [...new Set([...before.keys(), ...after.keys()])].sort();
  return fields
    .map((field) => ({
      field,
      baseline: before.get(field) ?? '(none)',
      current: after.get(field) ?? '(none)',
    }))
    .filter((difference) => difference.baseline !== difference.current);
}
