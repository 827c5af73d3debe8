/** Prepare and cleanup of one local fleet: what exists on the machine, and removing all of it. */
import type { Scenario } from '../../suite/model.js';
import type { FleetNames } from './fleet-names.js';
import { addFleetNode, createSwitch, FLEET_PROGRAMS } from './fleet-network.js';
import { runNodeSetup } from './fleet-setup.js';
import {
  allOrFirstFailure,
  checkpoint,
  type LocalCreated,
  nothingCreated,
  prepareLocal,
} from './lifecycle.js';
import { startNetserver, waitUntilListening } from './netservers.js';
import { REQUIRED_PROGRAMS } from './preflight.js';

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

async function build(run: LocalFleetRun): Promise<void> {
  const { runner, names } = run;
  const created = (namespace: string) => run.namespaces.push(namespace);
  checkpoint(run, 'local fleet');
  await createSwitch(runner, names, created);
  // One node after another: four at a time was no faster (32 nodes, 16-19 s either way on a loaded
  // 2-core machine, mostly spent in `ip` commands of ~150 ms each).
  for (const node of names.nodes) {
    checkpoint(run, 'local fleet');
    await addFleetNode(runner, names, node, created);
  }
  for (const node of names.nodes) {
    const command = run.nodeSetup[node.name];
    checkpoint(run, 'local fleet');
    if (command !== undefined) await runNodeSetup(runner, node, command);
  }
  checkpoint(run, 'local fleet');
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
  checkpoint(run, 'local fleet');
}

/**
 * Prepares a local fleet (see prepareLocal): the switch, the nodes, their setups, then every node's
 * netservers.
 */
export function prepareFleet(run: LocalFleetRun, scenarios: readonly Scenario[]): Promise<void> {
  return prepareLocal(run, scenarios, {
    label: 'local fleet',
    programs: [...REQUIRED_PROGRAMS, ...FLEET_PROGRAMS],
    build: () => build(run),
  });
}
