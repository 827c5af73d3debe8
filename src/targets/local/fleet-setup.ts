/**
 * Per-node what-ifs of the local fleet: `--local-node-setup node-K=CMD` runs CMD in node K's namespace
 * after its interfaces are up and before its netservers start, told through environment variables
 * which interface is which (so it can slow the pod path and leave the reference alone). One mechanism
 * for everything: a rate limit is `tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf …`.
 */
import { UsageError } from '../../util/errors.js';
import { type CommandRunner, firstOutputLine } from '../../util/process.js';
import { checkFleetSize, type FleetNode, fleetNodeName } from './fleet-names.js';
import { SETUP_COMMAND_TIMEOUT_MS } from './what-if.js';

/** Environment variables a node's setup command gets. */
export const NODE_SETUP_ENV = {
  /** The node's pod interface, e.g. `n2-pod`. */
  nodeInterface: 'NETPERF_GATE_NODE_IFACE',
  /** The node's reference interface, e.g. `n2-ref`. */
  referenceInterface: 'NETPERF_GATE_REF_IFACE',
  nodeAddress: 'NETPERF_GATE_NODE_ADDR',
  referenceAddress: 'NETPERF_GATE_REF_ADDR',
  /** `node-K`. */
  node: 'NETPERF_GATE_NODE',
} as const;

const SETUP_FORM = /^(node-[1-9]\d*)=([\s\S]*)$/;
const SETUP_EXAMPLE = `node-2='tc qdisc add dev "$${NODE_SETUP_ENV.nodeInterface}" root tbf rate 200mbit burst 64kb latency 20ms'`;

function checkNodeName(name: string, nodes: number, what: string): void {
  const index = Number(/^node-([1-9]\d*)$/.exec(name)?.[1] ?? Number.NaN);
  if (!(index >= 1 && index <= nodes)) {
    throw new UsageError(
      `Invalid ${what}: unknown node '${name}'. Expected ${fleetNodeName(1)} … ${fleetNodeName(nodes)} (--nodes ${nodes}).`,
    );
  }
}

/**
 * Parses repeated `--local-node-setup node-K=CMD` flags into node name → command. UsageError (one
 * line) for a text not of that form, an empty command, a node outside 1 … `nodes`, or a node twice.
 */
export function parseNodeSetups(texts: readonly string[], nodes: number): Record<string, string> {
  checkFleetSize(nodes);
  const setups: Record<string, string> = {};
  for (const text of texts) {
    const match = SETUP_FORM.exec(text.trim());
    const [node, command] = [match?.[1], match?.[2]?.trim()];
    if (node === undefined || command === undefined || command === '') {
      throw new UsageError(
        `Invalid --local-node-setup '${text}'. Expected node-K=COMMAND, e.g. ${SETUP_EXAMPLE}.`,
      );
    }
    checkNodeName(node, nodes, `--local-node-setup '${text}'`);
    if (setups[node] !== undefined) {
      throw new UsageError(
        `--local-node-setup names ${node} twice: give it one command (join several with &&).`,
      );
    }
    setups[node] = command;
  }
  return setups;
}

/** Setup commands as given to the target: unknown nodes refused, commands trimmed, blank ones dropped. */
export function normaliseNodeSetups(
  setups: Readonly<Record<string, string>> | undefined,
  nodes: number,
): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [node, command] of Object.entries(setups ?? {})) {
    checkNodeName(node, nodes, 'local node setup');
    if (command.trim() !== '') clean[node] = command.trim();
  }
  return clean;
}

/** The {@link NODE_SETUP_ENV} values for one node. */
export function nodeSetupEnvironment(node: FleetNode): Record<string, string> {
  return {
    [NODE_SETUP_ENV.nodeInterface]: node.podInterface,
    [NODE_SETUP_ENV.referenceInterface]: node.referenceInterface,
    [NODE_SETUP_ENV.nodeAddress]: node.podAddress,
    [NODE_SETUP_ENV.referenceAddress]: node.referenceAddress,
    [NODE_SETUP_ENV.node]: node.name,
  };
}

/**
 * Runs a node's setup command with `sh -c` in its namespace (the user typed a shell command line; our
 * own commands never use a shell), with {@link nodeSetupEnvironment} added to ours. A failure is the
 * user's to fix: a one-line UsageError naming the node and quoting the command's stderr.
 */
export async function runNodeSetup(runner: CommandRunner, node: FleetNode, command: string): Promise<void> {
  const argv = ['ip', 'netns', 'exec', node.namespace, 'sh', '-c', command];
  const env = nodeSetupEnvironment(node);
  const output = await runner.run(argv, { timeoutMs: SETUP_COMMAND_TIMEOUT_MS, env });
  if (output.exitCode !== 0) {
    const how = output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`;
    throw new UsageError(
      `--local-node-setup ${node.name}='${command}' failed (${how}) in ${node.namespace}: ${firstOutputLine(output)}; fix the command (try it with: ip netns add t && ip netns exec t sh -c '…')`,
    );
  }
}
