/**
 * The inputs of `mode: fleet`, checked with the CLI's own fleet validators (fleet-config.ts, plan.ts)
 * so that the action and `netperf-gate fleet` refuse the same things, each in one line naming the input.
 * A node setup (`--local-node-setup`) stays CLI-only.
 */
import {
  checkFleetNodes,
  checkLocalPlan,
  DEFAULT_FLEET_SEED,
  DEFAULT_LOCAL_NODES,
  type FleetConfig,
  MAX_FLEET_SEED,
} from '../config/fleet-config.js';
import { parseWholeNumber } from '../config/parse-flags.js';
import type { TargetKind } from '../config/run-config.js';
import { parsePlanSpec } from '../fleet/plan.js';
import { UsageError } from '../util/errors.js';
import { type InputName, Inputs, ReportFiles } from './constants.js';
import { given, type InputReader, label, ranged } from './input-read.js';
import { INPUT_DEFAULTS, type SharedSettings, toRunConfig, toSharedSettings } from './inputs.js';
import { firstGiven, KUBERNETES_ONLY_INPUTS, refuseInputsOfOtherMode } from './mode-inputs.js';

/** The settings of `mode: fleet`: the CLI's fleet config (report paths under report-dir) and what the action shares. */
export interface FleetActionSettings extends SharedSettings {
  /** `outPath`, `markdownPath`, `htmlPath` are report-dir's fleet.json, fleet.md, fleet.html. */
  fleet: FleetConfig;
}

function refuseKubernetesInputsOnLocal(read: InputReader, target: TargetKind): void {
  if (target !== 'local') return;
  const name = firstGiven(read, KUBERNETES_ONLY_INPUTS, INPUT_DEFAULTS);
  if (name !== undefined) {
    throw new UsageError(
      `input ${name} is for a fleet on target kubernetes; set target: kubernetes, or leave it out`,
    );
  }
}

function nodesOf(read: InputReader, target: TargetKind): number | undefined {
  const text = given(read, Inputs.Nodes);
  if (text === undefined) return target === 'local' ? DEFAULT_LOCAL_NODES : undefined;
  return checkFleetNodes(label(Inputs.Nodes), parseWholeNumber(label(Inputs.Nodes), text), target);
}

function withInputName(name: InputName, parse: () => FleetConfig['plan']) {
  try {
    return parse();
  } catch (error) {
    // The CLI's messages name the value, not where it came from: say which input held it.
    if (error instanceof UsageError) throw new UsageError(`${label(name)}: ${error.message}`);
    throw error;
  }
}

/**
 * Checks and converts the inputs of `mode: fleet`. Throws a UsageError (exit code 2) naming the first
 * input that is wrong, also an input only `mode: gate` reads.
 */
export function parseFleetInputs(read: InputReader, debug = false): FleetActionSettings {
  refuseInputsOfOtherMode(read, 'fleet', INPUT_DEFAULTS);
  const shared = toSharedSettings(read);
  const run = toRunConfig(read, shared.reportDir, debug);
  refuseKubernetesInputsOnLocal(read, run.target);
  const nodes = nodesOf(read, run.target);
  const seedText = given(read, Inputs.Seed);
  const seed =
    seedText === undefined
      ? DEFAULT_FLEET_SEED
      : ranged(Inputs.Seed, seedText, { min: 0, max: MAX_FLEET_SEED });
  const folder = shared.reportDir;
  const fleet: FleetConfig = {
    target: run.target,
    seed,
    reference: run.reference,
    localNodeSetups: [],
    kubernetes: run.kubernetes,
    outPath: `${folder}/${ReportFiles.FleetResults}`,
    markdownPath: `${folder}/${ReportFiles.FleetMarkdown}`,
    htmlPath: `${folder}/${ReportFiles.FleetHtml}`,
    debug,
    ...(nodes !== undefined ? { nodes } : {}),
    ...(run.suitePath !== undefined ? { suitePath: run.suitePath } : {}),
    ...(run.scenarioNames !== undefined ? { scenarioNames: run.scenarioNames } : {}),
    ...(run.samples !== undefined ? { samples: run.samples } : {}),
    ...(run.durationSeconds !== undefined ? { durationSeconds: run.durationSeconds } : {}),
  };
  const parallel = given(read, Inputs.Parallel);
  if (parallel !== undefined) {
    fleet.parallel = parseWholeNumber(label(Inputs.Parallel), parallel);
    if (fleet.parallel < 1)
      throw new UsageError(`${label(Inputs.Parallel)} must be at least 1, got ${fleet.parallel}`);
  }
  const plan = given(read, Inputs.Plan);
  if (plan !== undefined) {
    fleet.plan = withInputName(Inputs.Plan, () => parsePlanSpec(plan));
    // The local fleet's size is known now: a plan it cannot hold fails before anything is created.
    const { plan: spec } = fleet;
    if (run.target === 'local' && nodes !== undefined && spec !== undefined) {
      withInputName(Inputs.Plan, () => {
        checkLocalPlan(nodes, spec, seed);
        return spec;
      });
    }
  }
  return { ...shared, fleet };
}
