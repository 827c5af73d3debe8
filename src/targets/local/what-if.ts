/**
 * The local target's what-if settings: a qdisc on the client's pod-link veth, and setup commands in each
 * namespace, told through environment variables which interface is which so they can leave the
 * reference link alone.
 */
import { UsageError } from '../../util/errors.js';
import { type CommandRunner, firstOutputLine } from '../../util/process.js';
import type { LocalSettings } from './fingerprint.js';
import { type LocalNames, linksOf } from './names.js';

/** Bound for `tc qdisc replace`. */
export const TC_TIMEOUT_MS = 15_000;
/** Bound for one setup command (loading a large nftables ruleset can take a while). */
export const SETUP_COMMAND_TIMEOUT_MS = 120_000;

/** Trims each setting; a blank one (an unset action input arrives as '') counts as not set. */
export function normaliseSettings(settings: LocalSettings): LocalSettings {
  const clean = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    qdisc: clean(settings.qdisc),
    serverSetup: clean(settings.serverSetup),
    clientSetup: clean(settings.clientSetup),
  };
}

/** `tc qdisc replace` on the client's pod-link veth end; the qdisc arguments are split on whitespace, no shell. */
export function qdiscArgv(names: LocalNames, qdisc: string): string[] {
  return [
    'tc',
    '-n',
    names.clientNamespace,
    'qdisc',
    'replace',
    'dev',
    names.clientInterface,
    'root',
    ...qdisc.trim().split(/\s+/),
  ];
}

/** Puts the qdisc on the client's egress; tc refusing it is the user's to fix (UsageError quoting tc). */
export async function applyQdisc(runner: CommandRunner, names: LocalNames, qdisc: string): Promise<void> {
  const output = await runner.run(qdiscArgv(names, qdisc), { timeoutMs: TC_TIMEOUT_MS });
  if (output.exitCode !== 0) {
    throw new UsageError(
      `Invalid --local-qdisc '${qdisc}': tc said "${firstOutputLine(output)}". Expected tc qdisc arguments, e.g. 'tbf rate 1gbit burst 256kb latency 10ms'.`,
    );
  }
}

/** Environment variables a setup command gets: interfaces of its own namespace, addresses of both ends. */
export const SETUP_ENV = {
  podInterface: 'NETPERF_GATE_POD_IFACE',
  referenceInterface: 'NETPERF_GATE_REF_IFACE',
  podAddress: 'NETPERF_GATE_POD_ADDR',
  referenceAddress: 'NETPERF_GATE_REF_ADDR',
  peerPodAddress: 'NETPERF_GATE_PEER_POD_ADDR',
  peerReferenceAddress: 'NETPERF_GATE_PEER_REF_ADDR',
} as const;

/** The {@link SETUP_ENV} values for the setup command of one side. */
export function setupEnvironment(names: LocalNames, role: 'server' | 'client'): Record<string, string> {
  const { pod, reference } = linksOf(names);
  const peer = role === 'server' ? 'client' : 'server';
  return {
    [SETUP_ENV.podInterface]: pod[`${role}Interface`],
    [SETUP_ENV.referenceInterface]: reference[`${role}Interface`],
    [SETUP_ENV.podAddress]: pod[`${role}Address`],
    [SETUP_ENV.referenceAddress]: reference[`${role}Address`],
    [SETUP_ENV.peerPodAddress]: pod[`${peer}Address`],
    [SETUP_ENV.peerReferenceAddress]: reference[`${peer}Address`],
  };
}

/**
 * Runs a user's setup command inside a namespace, with {@link setupEnvironment} added to ours. The user
 * typed a shell command line (redirections, `&&`, quoting), so it goes to `sh -c` as one argument: the
 * shell is the user's, our own commands never use one. It runs in our working directory, so relative
 * paths (`nft -f rules.nft`) work.
 */
export async function runSetupCommand(
  runner: CommandRunner,
  names: LocalNames,
  command: string,
  role: 'server' | 'client',
): Promise<void> {
  const namespace = role === 'server' ? names.serverNamespace : names.clientNamespace;
  const argv = ['ip', 'netns', 'exec', namespace, 'sh', '-c', command];
  const env = setupEnvironment(names, role);
  const output = await runner.run(argv, { timeoutMs: SETUP_COMMAND_TIMEOUT_MS, env });
  if (output.exitCode !== 0) {
    throw new UsageError(
      `--local-${role}-setup '${command}' failed (${output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`}) in ${namespace}: ${firstOutputLine(output)}; fix the command (try it with: ip netns add t && ip netns exec t sh -c '…')`,
    );
  }
}
