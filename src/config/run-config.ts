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

/** IP families the Kubernetes target can measure over (`--ip-family`). */
export const IP_FAMILIES = ['ipv4', 'ipv6'] as const;
export type IpFamily = (typeof IP_FAMILIES)[number];

/** The image `cilium connectivity perf` pins: netperf and netserver, by digest. */
export const DEFAULT_IMAGE =
  'quay.io/cilium/network-perf:3.21-1782913202-88c270c@sha256:c115a00b80bbf4ff49857dd545f0c40025f226d79051b2c8fdab3e8b938c7f92';

/** Settings of the Kubernetes target (see README: "The Kubernetes target"). */
export interface KubernetesSettings {
  /** Kubeconfig file; undefined: KUBECONFIG, ~/.kube/config, then in-cluster. */
  kubeconfigPath?: string;
  /** Kubeconfig context to use instead of the current one. */
  context?: string;
  /** Existing namespace to use (least-privilege mode); undefined: a namespace per run. */
  namespace?: string;
  /** Node for the client pods; undefined: chosen automatically. */
  clientNode?: string;
  /** Node for the server pods; undefined: chosen automatically. */
  serverNode?: string;
  /** Label selector nodes must match when chosen automatically, e.g. "node-role/perf=true". */
  nodeSelector?: string;
  /** Tolerations as "key[=value][:effect]" or "key:Exists"-style strings, for tainted nodes. */
  tolerations: string[];
  /** Control-plane nodes may be chosen automatically (default: only workers). */
  allowControlPlane?: boolean;
  /** Container image with netperf and netserver. */
  image: string;
  /** Interleave samples between host-network pods on the same nodes (Cilium's node-to-node baseline). */
  hostNetworkReference: boolean;
  /** IP family netperf connects over; undefined: the cluster's first (the server pod's first pod IP). */
  ipFamily?: IpFamily;
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
  kubernetes: KubernetesSettings;
  /** Interleave a reference path with the pod path (default); false: `--no-reference`. */
  reference: boolean;
  /** Where to write the results JSON. */
  outPath: string;
  /** Print stack traces and process details. */
  debug: boolean;
  /** Whole-run limit in milliseconds (`--timeout`); 0 or undefined: none. */
  timeoutMs?: number;
}

/** Results file written when --out is not given. */
export const DEFAULT_RESULTS_PATH = 'netperf-results.json';
