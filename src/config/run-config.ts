/** The kinds of target netperf-gate can measure on. */
export const TARGET_KINDS = ['local', 'kubernetes'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What-if settings of the local target (see README: "Trying a datapath change locally"). */
export interface LocalSettings {
  /** tc qdisc arguments applied to the client's link, e.g. "tbf rate 2gbit burst 256kb latency 10ms". */
  qdisc?: string;
  /** A shell command run inside the server namespace once it exists. */
  serverSetup?: string;
  /** A shell command run inside the client namespace once it exists. */
  clientSetup?: string;
}

/** Everything `run` needs, after flags (or action inputs) were read and checked. */
export interface RunConfig {
  target: TargetKind;
  /** Suite file path, or undefined for the default suite. */
  suitePath?: string;
  /** Scenario names picked with --scenarios, in order. */
  scenarioNames?: string[];
  /** --samples override for every scenario. */
  samples?: number;
  /** --duration override (seconds) for every scenario. */
  durationSeconds?: number;
  local: LocalSettings;
  /** Where to write the results JSON. */
  outPath: string;
  /** Print stack traces and process details. */
  debug: boolean;
}

/** Results file written when --out is not given. */
export const DEFAULT_RESULTS_PATH = 'netperf-results.json';
