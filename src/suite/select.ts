import { UsageError } from '../util/errors.js';
import type { Suite } from './model.js';
import { LIMITS } from './schema.js';

/** What flags may change in a suite after it is loaded. */
export interface SuiteOverrides {
  /** Names to keep, in the order given; empty or undefined keeps all. */
  scenarioNames?: readonly string[];
  samples?: number;
  durationSeconds?: number;
}

function checkRange(flag: string, value: number, limits: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
    throw new UsageError(`${flag} must be a whole number from ${limits.min} to ${limits.max}, got ${value}`);
  }
}

/** Picks scenarios by name and applies --samples / --duration. Unknown names are a UsageError listing the known ones. */
export function selectScenarios(suite: Suite, overrides: SuiteOverrides): Suite {
  if (overrides.samples !== undefined) checkRange('--samples', overrides.samples, LIMITS.samples);
  if (overrides.durationSeconds !== undefined) {
    checkRange('--duration', overrides.durationSeconds, LIMITS.durationSeconds);
  }
  const byName = new Map(suite.scenarios.map((s) => [s.name, s]));
  const names = overrides.scenarioNames?.length
    ? overrides.scenarioNames
    : suite.scenarios.map((s) => s.name);
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown scenario ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${[...byName.keys()].join(', ')}`,
    );
  }
  const unique = [...new Set(names)];
  return {
    scenarios: unique.map((name) => {
      const base = byName.get(name);
      if (base === undefined) throw new UsageError(`unknown scenario "${name}"`);
      return {
        ...base,
        samples: overrides.samples ?? base.samples,
        durationSeconds: overrides.durationSeconds ?? base.durationSeconds,
      };
    }),
  };
}

/** `--scenarios a,b` → ['a','b']; blanks dropped. */
export function parseScenarioList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
