/**
 * `netperf-gate fleet`: measure many node pairs of one pool and name the slow nodes. The settings after
 * flags (or action inputs) were read and checked, and the defaults that can only be decided once the
 * target knows how many nodes it has (the plan and how many pairs run at once).
 */
import { type PlanSpec, parsePlanSpec, planPairs } from '../fleet/plan.js';
import { UsageError } from '../util/errors.js';
import type { KubernetesSettings, TargetKind } from './run-config.js';

/** Everything `fleet` needs. */
export interface FleetConfig {
  target: TargetKind;
  /**
   * local: how many network namespaces play the nodes (2–32, default {@link DEFAULT_LOCAL_NODES});
   * kubernetes: at most this many of the eligible nodes (undefined: all of them).
   */
  nodes?: number;
  /** `--plan`; undefined: {@link defaultPlanSpec} of the node count, decided after prepare. */
  plan?: PlanSpec;
  /** Seed of `random:K` plans, recorded in the results: the same seed and nodes give the same pairs. */
  seed: number;
  /** Most pairs measured at once; undefined: {@link defaultParallel}. */
  parallel?: number;
  /** Suite file; undefined: the built-in suite with {@link DEFAULT_FLEET_SCENARIOS}. */
  suitePath?: string;
  /** `--scenarios`, in order; undefined: the defaults above (built-in suite) or all of the suite file. */
  scenarioNames?: string[];
  /** Samples (reference/pod pairs) per scenario and node pair; undefined: 2 (built-in) or the file's. */
  samples?: number;
  /** Seconds per netperf run; undefined: 3 (built-in suite) or the file's. */
  durationSeconds?: number;
  /** Interleave the reference path (default); false: `--no-reference`. */
  reference: boolean;
  /** local: `--local-node-setup NODE=COMMAND` texts as given; the local fleet target parses them. */
  localNodeSetups: string[];
  kubernetes: KubernetesSettings;
  /** Where to write the fleet results JSON. */
  outPath: string;
  /** An earlier fleet results file to compare the nodes with. */
  baselinePath?: string;
  htmlPath?: string;
  markdownPath?: string;
  /** Outlier cut: robust z (default 3.5) and least change in % (default 10). */
  zCut?: number;
  minChangePct?: number;
  /** Whole-run limit in milliseconds (`--timeout`); 0 or undefined: none. */
  timeoutMs?: number;
  debug: boolean;
}

/** `fleet-report`: re-render a stored fleet results file without measuring. */
export interface FleetReportConfig {
  inPath: string;
  baselinePath?: string;
  htmlPath?: string;
  markdownPath?: string;
  zCut?: number;
  minChangePct?: number;
  debug: boolean;
}

export const DEFAULT_LOCAL_NODES = 4;
export const MIN_FLEET_NODES = 2;
/** Each local node is two network namespaces and a netserver per CPU size on one machine. */
export const MAX_LOCAL_NODES = 32;
/** Fixed, so that two runs without --seed measure the same pairs; recorded in the results. */
export const DEFAULT_FLEET_SEED = 13;
/** Short scenarios: a fleet measures N·K pairs, each paying the samples × duration × 2 paths. */
export const DEFAULT_FLEET_SCENARIOS = ['tcp_stream_1', 'tcp_rr_1cpu'] as const;
export const DEFAULT_FLEET_SAMPLES = 2;
export const DEFAULT_FLEET_DURATION_SECONDS = 3;
export const DEFAULT_FLEET_RESULTS_PATH = 'netperf-fleet.json';
/** Up to this many nodes `all` is cheap enough (56 pairs); above it `random:3` (3N pairs). */
export const ALL_PAIRS_MAX_NODES = 8;

/** `all` for up to 8 nodes, else `random:3` (see docs/design.md, "Fleet mode: the command"). */
export function defaultPlanSpec(nodeCount: number): PlanSpec {
  return nodeCount > ALL_PAIRS_MAX_NODES ? parsePlanSpec('random:3') : parsePlanSpec('all');
}

/**
 * Pairs measured at once when `--parallel` is not given. local: 1, because the fleet's "nodes" share
 * this machine's CPUs and parallel pairs would measure each other. kubernetes: ⌊N/2⌋, every disjoint
 * pair of a round at once (the nodes are separate machines).
 */
export function defaultParallel(target: TargetKind, nodeCount: number): number {
  return target === 'local' ? 1 : Math.max(1, Math.floor(nodeCount / 2));
}

/** Seeds are taken modulo 2^32 by the generator: larger ones would repeat smaller ones' pairs. */
export const MAX_FLEET_SEED = 2 ** 32 - 1;

/**
 * Checks a node count for the target (local: 2–32 namespaces; kubernetes: at least 2). `label` names
 * the flag or input in the one-line UsageError (`--nodes`, `input nodes`).
 */
export function checkFleetNodes(label: string, nodes: number, target: TargetKind): number {
  const max = target === 'local' ? MAX_LOCAL_NODES : Number.MAX_SAFE_INTEGER;
  if (nodes < MIN_FLEET_NODES || nodes > max) {
    const range = target === 'local' ? `from ${MIN_FLEET_NODES} to ${max}` : `at least ${MIN_FLEET_NODES}`;
    throw new UsageError(`${label} must be ${range} on the ${target} target, got ${nodes}`);
  }
  return nodes;
}

/** A plan the local fleet (its size known before anything is created) cannot hold fails here. */
export function checkLocalPlan(nodes: number, plan: PlanSpec, seed: number): void {
  planPairs(
    Array.from({ length: nodes }, (_, i) => `node-${i + 1}`),
    plan,
    seed,
  );
}
