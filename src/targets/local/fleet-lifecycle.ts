/** Prepare and cleanup of one local fleet: what exists on the machine, and removing all of it. */
import type { Scenario } from '../../suite/model.js';
import { InfraError } from '../../util/errors.js';
import { planCpuProfiles } from './cpu-profiles.js';
import { readHostFacts } from './fingerprint.js';
import type { FleetNames } from './fleet-names.js';
import { addFleetNode, createSwitch, FLEET_PROGRAMS } from './fleet-network.js';
import { runNodeSetup } from './fleet-setup.js';
import { allOrFirstFailure, cleanupRun, type LocalCreated, nothingCreated } from './lifecycle.js';
import { sweepLeftoverNamespaces } from './namespaces.js';
import { startNetserver, waitUntilListening } from './netservers.js';
import { preflight, REQUIRED_PROGRAMS, runsAsRoot } from './preflight.js';

/** One local fleet run: its fixed inputs and what it has created so far. */
export interface LocalFleetRun extends LocalCreated {
  readonly names: FleetNames;
  /** Node name → setup command (normalised: known nodes, no blanks). */
  readonly nodeSetup: Readonly<Record<string, string>>;
  /** Whether the reference paths are measured (the reference bridge exists either way). */
  readonly reference: boolean;
}

/** A fleet run that has created nothing yet. */
export function newLocalFleetRun(
  fixed: Pick<LocalFleetRun, 'runner' | 'log' | 'names' | 'nodeSetup' | 'reference'>,
): LocalFleetRun {
  return { ...fixed, ...nothingCreated() };
}

function closedError(): InfraError {
  return new InfraError('the local fleet was cleaned up while it was being prepared');
}

function checkpoint(run: LocalFleetRun): void {
  if (run.closed) throw closedError();
}

async function build(run: LocalFleetRun): Promise<void> {
  const { runner, names } = run;
  const created = (namespace: string) => run.namespaces.push(namespace);
  checkpoint(run);
  await createSwitch(runner, names, created);
  // One node after another: four at a time was no faster (32 nodes, 16-19 s either way on a loaded
  // 2-core machine, mostly spent in `ip` commands of ~150 ms each).
  for (const node of names.nodes) {
    checkpoint(run);
    await addFleetNode(runner, names, node, created);
  }
  for (const node of names.nodes) {
    const command = run.nodeSetup[node.name];
    checkpoint(run);
    if (command !== undefined) await runNodeSetup(runner, node, command);
  }
  checkpoint(run);
  const listening: (() => Promise<void>)[] = [];
  for (const node of names.nodes) {
    const where = { serverNamespace: node.namespace };
    const started = run.profiles.map((profile) => startNetserver(runner, where, profile));
    run.netservers.push(...started);
    listening.push(async () => {
      await allOrFirstFailure(started.map((netserver) => waitUntilListening(runner, where, netserver)));
    });
  }
  // Node by node: a few `ss` pollers at a time, not one per netserver of 32 nodes.
  for (const nodeListening of listening) await nodeListening();
  checkpoint(run);
}

/**
 * Checks (root, programs) and plans before creating anything, sweeps leftovers of killed runs, then
 * builds the switch, the nodes, runs the node setups and starts every node's netservers. On any
 * failure, or when cleanup is called meanwhile, it removes what it made before rethrowing.
 */
export async function prepareFleet(run: LocalFleetRun, scenarios: readonly Scenario[]): Promise<void> {
  if (run.host !== undefined) throw new Error('a local fleet can be prepared once');
  if (run.closed) throw new InfraError('the local fleet was cleaned up before it was prepared');
  const host = readHostFacts();
  const plan = planCpuProfiles(scenarios, host.availableCores);
  await preflight({
    runner: run.runner,
    isRoot: runsAsRoot(),
    programs: [...REQUIRED_PROGRAMS, ...FLEET_PROGRAMS],
  });
  await sweepLeftoverNamespaces(run.runner, run.log);
  for (const warning of plan.warnings) run.log(warning);
  run.host = host;
  run.profiles = plan.profiles;
  try {
    await build(run);
  } catch (error) {
    // A cleanup meanwhile makes commands fail (a setup killed, a namespace gone): say what happened.
    const interrupted = run.closed;
    await cleanupRun(run);
    throw interrupted ? closedError() : error;
  }
}
