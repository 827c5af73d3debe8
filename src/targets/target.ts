import type { Scenario } from '../suite/model.js';

/** Where a scenario's netserver listens, as seen from its client. */
export interface ServerEndpoint {
  /** Address of the server pod / namespace (an IPv4 address). */
  host: string;
  /** netserver's control port. */
  port: number;
}

/** What one process printed and how it ended. */
export interface ProcessOutput {
  stdout: string;
  stderr: string;
  /** Exit code, or null when it was killed by a signal. */
  exitCode: number | null;
}

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

/**
 * A place to run netperf: two nodes, a netserver per CPU profile on one, netperf clients on the other.
 * The runner drives every target the same way: prepare → endpoint/runNetperf per sample → cleanup.
 */
export interface Target {
  readonly kind: 'local' | 'kubernetes';
  /** Creates the nodes/pods every scenario needs and starts their netservers. */
  prepare(scenarios: readonly Scenario[]): Promise<void>;
  /** Where the netserver for this scenario's CPU profile listens. */
  endpoint(scenario: Scenario): ServerEndpoint;
  /**
   * Starts one netperf process per argument list, all together, in the client of this scenario's
   * CPU profile, and resolves when every one has ended. `argvs[i]` excludes the program name.
   */
  runNetperf(scenario: Scenario, argvs: readonly (readonly string[])[]): Promise<ProcessOutput[]>;
  /** Facts about the nodes and the netperf build; called after prepare. */
  fingerprint(): Promise<TargetFingerprint>;
  /** Removes everything prepare created; safe to call twice and after a failed prepare. */
  cleanup(): Promise<void>;
}
