import { type Command, Option } from 'commander';
import { parseChoice, parseWholeNumber } from '../config/parse-flags.js';
import {
  DEFAULT_IMAGE,
  DEFAULT_RESULTS_PATH,
  IP_FAMILIES,
  type KubernetesSettings,
  type RunConfig,
  TARGET_KINDS,
} from '../config/run-config.js';
import { parseScenarioList } from '../suite/select.js';
import { parseDuration } from '../util/duration.js';

/** The Kubernetes flags, as commander hands them over (`run`, `gate`, `calibrate`, `doctor`, `fleet`). */
export interface KubernetesFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  clientNode?: string;
  serverNode?: string;
  nodeSelector?: string;
  toleration: string[];
  allowControlPlane?: boolean;
  image: string;
  ipFamily?: string;
}

/** The flags of `run`, `gate` and `calibrate`, as commander hands them over. */
export interface RunFlags extends KubernetesFlags {
  target: string;
  suite?: string;
  scenarios?: string;
  samples?: string;
  duration?: string;
  localQdisc?: string;
  localServerSetup?: string;
  localClientSetup?: string;
  hostNetworkReference?: boolean;
  /** False with --no-reference. */
  reference: boolean;
  timeout?: string;
  out: string;
  debug?: boolean;
}

/** Copies the flags that were given onto `target` (absent flags stay absent, not undefined). */
function copyGiven<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

/** Checks and converts the Kubernetes flags; `reference` is whether host-network reference pods are made. */
export function toKubernetesSettings(flags: KubernetesFlags, reference: boolean): KubernetesSettings {
  const settings: KubernetesSettings = {
    tolerations: flags.toleration,
    image: flags.image,
    hostNetworkReference: reference,
  };
  copyGiven(settings, {
    kubeconfigPath: flags.kubeconfig,
    context: flags.context,
    namespace: flags.namespace,
    clientNode: flags.clientNode,
    serverNode: flags.serverNode,
    nodeSelector: flags.nodeSelector,
    allowControlPlane: flags.allowControlPlane,
    ipFamily:
      flags.ipFamily === undefined ? undefined : parseChoice('--ip-family', flags.ipFamily, IP_FAMILIES),
  });
  return settings;
}

/** Checks and converts run flags into a RunConfig. */
export function toRunConfig(flags: RunFlags): RunConfig {
  const config: RunConfig = {
    target: parseChoice('--target', flags.target, TARGET_KINDS),
    local: {},
    kubernetes: toKubernetesSettings(flags, flags.reference),
    reference: flags.reference,
    outPath: flags.out,
    debug: flags.debug === true,
  };
  copyGiven(config, {
    suitePath: flags.suite,
    scenarioNames: flags.scenarios === undefined ? undefined : parseScenarioList(flags.scenarios),
    samples: flags.samples === undefined ? undefined : parseWholeNumber('--samples', flags.samples),
    durationSeconds:
      flags.duration === undefined ? undefined : parseWholeNumber('--duration', flags.duration),
    timeoutMs:
      flags.timeout === undefined ? undefined : parseDuration('--timeout', flags.timeout, 'no limit'),
  });
  copyGiven(config.local, {
    qdisc: flags.localQdisc,
    serverSetup: flags.localServerSetup,
    clientSetup: flags.localClientSetup,
  });
  return config;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Adds the Kubernetes flags; `--client-node`/`--server-node` only where one pair is measured (a fleet
 * chooses its nodes by `--node-selector` and `--nodes`).
 */
export function addKubernetesOptions(command: Command, options: { pairNodes?: boolean } = {}): Command {
  const withConnection = command
    .option(
      '--kubeconfig <file>',
      'kubernetes: kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubernetes: kubeconfig context')
    .option('--namespace <name>', 'kubernetes: use this existing namespace instead of one per run');
  const withPair =
    options.pairNodes === false
      ? withConnection
      : withConnection
          .option('--client-node <name>', 'kubernetes: node for the client pods')
          .option('--server-node <name>', 'kubernetes: node for the server pods');
  return withPair
    .option(
      '--node-selector <labels>',
      'kubernetes: label selector for automatic node choice, e.g. "perf=true"',
    )
    .option('--toleration <spec>', 'kubernetes: toleration "key[=value][:effect]" (repeatable)', collect, [])
    .option(
      '--allow-control-plane',
      'kubernetes: control-plane nodes may be chosen automatically (their taint still needs --toleration)',
    )
    .option('--image <ref>', 'kubernetes: image with netperf and netserver', DEFAULT_IMAGE)
    .addOption(
      new Option(
        '--ip-family <family>',
        "kubernetes: IP family netperf connects over (default: the cluster's first, from the pods' IPs)",
      ).choices(IP_FAMILIES),
    );
}

/** Adds the flags `run`, `gate` and `calibrate` share. */
export function addRunOptions(
  command: Command,
  out = DEFAULT_RESULTS_PATH,
  outHelp = 'where to write the results JSON',
): Command {
  const withLocal = command
    .addOption(new Option('--target <kind>', 'where to measure').choices(TARGET_KINDS).default('local'))
    .option('--suite <file>', 'suite file (YAML or JSON); default: the four Cilium scenarios')
    .option('--scenarios <list>', 'comma-separated scenario names to run (default: all of the suite)')
    .option('--samples <n>', 'samples per scenario (overrides the suite)')
    .option('--duration <seconds>', 'seconds per netperf run (overrides the suite)')
    .option(
      '--local-qdisc <args>',
      'local: tc qdisc arguments for the client link, e.g. "tbf rate 2gbit burst 256kb latency 10ms"',
    )
    .option('--local-server-setup <cmd>', 'local: command run in the server namespace once it exists')
    .option('--local-client-setup <cmd>', 'local: command run in the client namespace once it exists');
  return addKubernetesOptions(withLocal)
    .option(
      '--no-reference',
      'measure the pod path only: no interleaved reference (local: a second veth pair; kubernetes: host-network pods)',
    )
    .addOption(new Option('--host-network-reference', 'the reference is on by default now').hideHelp())
    .option(
      '--timeout <duration>',
      'stop, clean up and exit 3 when the whole run takes longer, e.g. 45m (default: no limit)',
    )
    .option('--out <file>', outHelp, out)
    .option('--debug', 'print stack traces and process details');
}
