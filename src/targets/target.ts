import type { NodePair } from '../fleet/plan.js';
import type { ServerEndpoint } from '../netperf/command.js';
import type { Scenario } from '../suite/model.js';
import type { ProcessOutput } from '../util/process.js';

// Defined below the targets (netperf builds commands for an endpoint, util runs processes); re-exported
// here because every target speaks in them.
export type { ProcessOutput, ServerEndpoint };

/** A machine that plays the client or server node. */
export interface NodeFingerprint {
  name: string;
  kernel: string;
  cpuModel: string;
  cpuCount: number;
  /** Anything else known about the node (OS image, kubelet version, allocatable CPU …). */
  details: Record<string, string>;
}

/** What the measurement ran on: stored with every result and compared with the baseline's. */
export interface TargetFingerprint {
  netperfVersion: string;
  client: NodeFingerprint;
  server: NodeFingerprint;
  /** Target-wide facts (e.g. Kubernetes server version, CNI, local what-if settings). */
  details: Record<string, string>;
}

/** A netserver and the client that runs netperf against it, per CPU profile. */
export interface NetperfPair {
  /** Where the netserver for this scenario's CPU profile listens. */
  endpoint(scenario: Scenario): ServerEndpoint;
  /**
   * Starts one netperf process per argument list, all together, in the client of this scenario's
   * CPU profile, and resolves when every one has ended. `argvs[i]` excludes the program name.
   */
  runNetperf(scenario: Scenario, argvs: readonly (readonly string[])[]): Promise<ProcessOutput[]>;
}

/**
 * A place to run netperf: two nodes, a netserver per CPU profile on one, netperf clients on the other.
 * The runner drives every target the same way: prepare → per scenario useProfile, then
 * endpoint/runNetperf per sample (and the reference pair's, when there is one) → cleanup.
 */
export interface Target extends NetperfPair {
  readonly kind: 'local' | 'kubernetes';
  /** Checks the nodes and creates what the first scenario needs (and whatever all of them share). */
  prepare(scenarios: readonly Scenario[]): Promise<void>;
  /**
   * Makes this scenario's CPU profile ready before it is measured; the runner awaits it before each
   * scenario, in the suite's order. A target whose profiles cannot all exist at once (a Kubernetes node
   * holds the largest profile's pods, not the sum of all) switches here: it removes the other profiles'
   * pods and creates this one's. The same profile as the scenario before costs nothing. Optional: a
   * target that set up every profile in `prepare` (local) leaves it out.
   */
  useProfile?(scenario: Scenario): Promise<void>;
  /**
   * The node-to-node reference (Cilium's "node-to-node baseline"): the same netperf between
   * host-network pods on the same two nodes. Present only when the target was asked for it and can
   * measure it; the runner then takes as many reference samples as pod samples for every scenario.
   */
  readonly reference?: NetperfPair;
  /** Facts about the nodes and the netperf build; called after prepare. */
  fingerprint(): Promise<TargetFingerprint>;
  /** Removes everything prepare (and useProfile) created; safe to call twice and after a failed prepare. */
  cleanup(): Promise<void>;
}

/** What a fleet measured on: every node, the netperf build, fleet-wide facts. */
export interface FleetFingerprint {
  netperfVersion: string;
  /** Every node of the fleet, in the order `prepare` returned them. */
  nodes: NodeFingerprint[];
  details: Record<string, string>;
}

/**
 * A fleet of N nodes (`netperf-gate fleet`): on every node a netserver and a netperf client for each CPU
 * size the scenarios need, plus their reference twins (host network on Kubernetes, the reference link
 * locally), created once in `prepare` and kept for the whole run. The runner measures the plan's pairs
 * in rounds of disjoint pairs, the pairs of a round at the same time; within a pair, the reference and
 * pod paths alternate as in a single run (A B B A).
 */
export interface FleetTarget {
  readonly kind: 'local' | 'kubernetes';
  /** Chooses or creates the nodes and every node's servers and clients; resolves with the node names, in a stable order. */
  prepare(scenarios: readonly Scenario[]): Promise<string[]>;
  /** The pod path from `pair.client`'s client to `pair.server`'s server (both from `prepare`'s names). */
  path(pair: NodePair): NetperfPair;
  /** The reference path between the same two nodes; present only when the reference is measured. */
  readonly referencePath?: (pair: NodePair) => NetperfPair;
  /** Facts about every node and the netperf build; called after prepare. */
  fingerprint(): Promise<FleetFingerprint>;
  /** Removes everything prepare created; safe to call twice, after a failed prepare and mid-round. */
  cleanup(): Promise<void>;
}

/** One line of `netperf-gate doctor`: what was checked, how it went, and what to do when it did not pass. */
export interface DoctorCheck {
  /** Short name of the check, e.g. `API server`, `nodes (1-CPU pods)`. */
  name: string;
  /** `fail`: a run would not work; `warn`: it would, with less trustworthy figures; `skip`: not checked. */
  status: 'pass' | 'warn' | 'fail' | 'skip';
  /** What was found. */
  detail: string;
  /** What to do about it (fail and warn). */
  fix?: string;
}
