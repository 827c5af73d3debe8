/** The two network namespaces of a local run, the two veth pairs between them, and leftovers of killed runs. */
import { setTimeout as sleep } from 'node:timers/promises';
import { formatError, InfraError } from '../../util/errors.js';
import { type CommandRunner, firstOutputLine, formatArgv } from '../../util/process.js';
import type { ProcessOutput } from '../target.js';
import {
  type LocalNames,
  leftoverNamespaces,
  linksOf,
  parseNamespaceList,
  parsePidList,
  VETH_PREFIX_LENGTH,
  type VethLink,
} from './names.js';

/** Bound for one `ip` command. */
export const IP_COMMAND_TIMEOUT_MS = 15_000;
/** How long the kernel may take to report a new veth end operationally up. */
export const LINK_UP_TIMEOUT_MS = 5_000;
/** Pause between two looks at a link's state. */
export const LINK_UP_POLL_MS = 20;

/** Runs a command that must succeed; a non-zero exit becomes an InfraError quoting its first line. */
export async function runChecked(runner: CommandRunner, argv: readonly string[]): Promise<ProcessOutput> {
  const output = await runner.run(argv, { timeoutMs: IP_COMMAND_TIMEOUT_MS });
  if (output.exitCode !== 0) {
    throw new InfraError(`\`${formatArgv(argv)}\` failed: ${firstOutputLine(output)}`);
  }
  return output;
}

/** Creates one network namespace; an existing one (another run with this id) is a one-line InfraError. */
export async function addNamespace(runner: CommandRunner, name: string): Promise<void> {
  const output = await runner.run(['ip', 'netns', 'add', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
  if (output.exitCode === 0) return;
  if (/exists/i.test(output.stderr)) {
    throw new InfraError(
      `network namespace ${name} already exists: another run uses this run id; pick another, or remove it with \`ip netns del ${name}\``,
    );
  }
  throw new InfraError(`could not create network namespace ${name}: ${firstOutputLine(output)}`);
}

/**
 * Creates both namespaces and joins them with two veth pairs (pod link, reference link) whose ends are
 * created directly inside them, so nothing ever appears in the host's namespace. `onCreated` hears of
 * each namespace as soon as it exists, so a failure halfway still lets cleanup find it.
 */
export async function createNamespacePair(
  runner: CommandRunner,
  names: LocalNames,
  onCreated: (namespace: string) => void,
): Promise<void> {
  for (const namespace of [names.clientNamespace, names.serverNamespace]) {
    await addNamespace(runner, namespace);
    onCreated(namespace);
  }
  for (const namespace of [names.clientNamespace, names.serverNamespace]) {
    await runChecked(runner, ['ip', '-n', namespace, 'link', 'set', 'lo', 'up']);
  }
  const { pod, reference } = linksOf(names);
  await addLink(runner, names, pod);
  await addLink(runner, names, reference);
  for (const link of [pod, reference]) {
    await waitUntilLinkUp(runner, names.clientNamespace, link.clientInterface);
    await waitUntilLinkUp(runner, names.serverNamespace, link.serverInterface);
  }
}

/** One veth pair between the namespaces, addressed and set up (not yet waited for). */
async function addLink(runner: CommandRunner, names: LocalNames, link: VethLink): Promise<void> {
  const { clientNamespace: cli, serverNamespace: srv } = names;
  await runChecked(runner, [
    'ip',
    'link',
    'add',
    link.clientInterface,
    'netns',
    cli,
    'type',
    'veth',
    'peer',
    'name',
    link.serverInterface,
    'netns',
    srv,
  ]);
  const ends = [
    { namespace: cli, device: link.clientInterface, address: link.clientAddress },
    { namespace: srv, device: link.serverInterface, address: link.serverAddress },
  ];
  for (const { namespace, device, address } of ends) {
    const prefix = `${address}/${VETH_PREFIX_LENGTH}`;
    await runChecked(runner, ['ip', '-n', namespace, 'addr', 'add', prefix, 'dev', device]);
    await runChecked(runner, ['ip', '-n', namespace, 'link', 'set', device, 'up']);
  }
}

/**
 * Waits until a veth end is operationally up. The kernel marks it up (and activates its qdisc) a little
 * after `link set up`, from a work queue; a busy machine can delay that, and packets sent meanwhile are
 * dropped, which would cost netperf's first connection a one-second SYN retransmission.
 */
export async function waitUntilLinkUp(
  runner: CommandRunner,
  namespace: string,
  device: string,
): Promise<void> {
  const deadline = Date.now() + LINK_UP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const output = await runChecked(runner, ['ip', '-n', namespace, '-o', 'link', 'show', 'dev', device]);
    if (/\bstate UP\b/.test(output.stdout)) return;
    await sleep(LINK_UP_POLL_MS);
  }
  throw new InfraError(
    `${device} in ${namespace} did not come up within ${LINK_UP_TIMEOUT_MS / 1000} s: check \`ip -n ${namespace} link show dev ${device}\``,
  );
}

/** Sends SIGKILL to a pid; one that has gone already is fine. */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Whether a pid is running (EPERM: it runs, but as someone else). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kills every process in a namespace, then deletes it (which removes its veth ends, and so both pairs). Returns the kill count. */
export async function removeNamespace(runner: CommandRunner, name: string): Promise<number> {
  const pids = await runner.run(['ip', 'netns', 'pids', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
  const victims = parsePidList(pids.stdout);
  for (const pid of victims) killPid(pid);
  const output = await runner.run(['ip', 'netns', 'del', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
  // Like a 404 on delete: a namespace someone else removed already is what we wanted.
  if (output.exitCode !== 0 && !/No such file/i.test(output.stderr)) {
    throw new InfraError(`could not delete network namespace ${name}: ${firstOutputLine(output)}`);
  }
  return victims.length;
}

/** {@link removeNamespace} for exit handlers: synchronous, best effort, never throws. */
export function removeNamespaceSync(runner: CommandRunner, name: string): void {
  try {
    const pids = runner.runSync(['ip', 'netns', 'pids', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    for (const pid of parsePidList(pids.stdout)) killPid(pid);
    runner.runSync(['ip', 'netns', 'del', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
  } catch {
    // An exit handler has nobody to tell; `netperf-gate cleanup` or the next run's sweep gets the rest.
  }
}

/**
 * Removes namespaces of killed runs (`npg-<pid>-cli|srv`, a local fleet's `npg-<pid>-sw|n<K>`, whose pid has gone) and logs one line when it
 * removed any; returns their names. A leftover that cannot be removed is logged, not thrown: it must
 * not stop a new run (only `ip netns list` failing throws).
 */
export async function sweepLeftoverNamespaces(
  runner: CommandRunner,
  log: (line: string) => void,
): Promise<string[]> {
  const list = await runChecked(runner, ['ip', 'netns', 'list']);
  const leftovers = leftoverNamespaces(parseNamespaceList(list.stdout), isPidAlive);
  if (leftovers.length === 0) return [];
  let killed = 0;
  const failures: string[] = [];
  for (const name of leftovers) {
    try {
      killed += await removeNamespace(runner, name);
    } catch (error) {
      failures.push(formatError(error));
    }
  }
  const failed = failures.length === 0 ? '' : `; failed: ${failures.join('; ')}`;
  log(`removed leftovers of killed runs: ${leftovers.join(', ')} (${killed} processes killed)${failed}`);
  return leftovers;
}
