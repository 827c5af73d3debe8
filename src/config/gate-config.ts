import type { EnvironmentPolicy } from '../compare/environment.js';
import type { RunConfig } from './run-config.js';

/** How results are judged against a baseline (compare and gate). */
export interface JudgeConfig {
  /** Thresholds file (YAML/JSON). */
  thresholdsPath?: string;
  /** --threshold: noise floor in percent for every metric that no file names. */
  thresholdPct?: number;
  /** What an environment difference does. */
  environmentPolicy: EnvironmentPolicy;
  /** Print stack traces. */
  debug: boolean;
}

/** `compare --baseline A --current B`. */
export interface CompareConfig extends JudgeConfig {
  baselinePath: string;
  currentPath: string;
}

/** `gate`: run, then compare with a baseline, re-measuring inconclusive scenarios. */
export interface GateConfig extends JudgeConfig {
  run: RunConfig;
  baselinePath: string;
  /** Extra rounds of samples for scenarios with inconclusive metrics (0 turns it off). */
  extraRounds: number;
}

/** Extra rounds `gate` takes by default: one more set of samples settles most borderline cases. */
export const DEFAULT_EXTRA_ROUNDS = 1;
export const MAX_EXTRA_ROUNDS = 5;
