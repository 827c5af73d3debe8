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
  /** --alpha: the whole gate's false-regression rate (family-wise); undefined: the default. */
  alpha?: number;
  /** Print stack traces. */
  debug: boolean;
}

/** `compare --baseline A [--baseline B …] --current C`. */
export interface CompareConfig extends JudgeConfig {
  /** Results files or folders of them: the baseline runs. */
  baselinePaths: string[];
  currentPath: string;
}

/** `gate`: run, then compare with the baseline runs, sampling sequentially until decided. */
export interface GateConfig extends JudgeConfig {
  run: RunConfig;
  /** Results files or folders of them: the baseline runs (none found: no-baseline). */
  baselinePaths: string[];
  /** Most samples (pairs) per scenario; undefined: twice the suite's samples. Equal to samples: one look. */
  maxSamples?: number;
  /** An inconclusive verdict fails (exit 1) instead of passing with a warning. */
  failOnInconclusive: boolean;
}

/** Bounds of --alpha. */
export const MIN_ALPHA = 0.0001;
export const MAX_ALPHA = 0.2;
