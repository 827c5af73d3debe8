/** `fleet` and `fleet-report` flags as commander hands them over, checked and turned into configs. */
import {
  checkFleetNodes,
  checkLocalPlan,
  DEFAULT_LOCAL_NODES,
  type FleetConfig,
  type FleetReportConfig,
  MAX_FLEET_SEED,
} from '../config/fleet-config.js';
import { parseChoice, parsePercent, parseWholeNumber } from '../config/parse-flags.js';
import { TARGET_KINDS } from '../config/run-config.js';
import { parsePlanSpec } from '../fleet/plan.js';
import { parseScenarioList } from '../suite/select.js';
import { parseNodeSetups } from '../targets/local/fleet-setup.js';
import { parseDuration } from '../util/duration.js';
import { UsageError } from '../util/errors.js';
import { type KubernetesFlags, toKubernetesSettings } from './run-flags.js';

const MAX_Z_CUT = 100;

/** The flags `fleet-report` shares with `fleet`. */
export interface FleetReportFlags {
  baseline?: string;
  html?: string;
  markdown?: string;
  outlierZ?: string;
  minChange?: string;
  debug?: boolean;
}

export interface FleetFlags extends KubernetesFlags, FleetReportFlags {
  target: string;
  nodes?: string;
  plan?: string;
  seed: string;
  parallel?: string;
  suite?: string;
  scenarios?: string;
  samples?: string;
  duration?: string;
  localNodeSetup: string[];
  /** False with --no-reference. */
  reference: boolean;
  timeout?: string;
  out: string;
}

function parseNodes(flags: FleetFlags, target: FleetConfig['target']): number | undefined {
  if (flags.nodes === undefined) return target === 'local' ? DEFAULT_LOCAL_NODES : undefined;
  return checkFleetNodes('--nodes', parseWholeNumber('--nodes', flags.nodes), target);
}

function parseBounded(flag: string, text: string, min: number, max: number): number {
  const value = parseWholeNumber(flag, text);
  if (value < min || value > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return value;
}

function parseZCut(text: string): number {
  const z = Number(text.trim());
  if (text.trim() === '' || !(z > 0 && z <= MAX_Z_CUT)) {
    throw new UsageError(`--outlier-z must be a number above 0 and at most ${MAX_Z_CUT}, got "${text}"`);
  }
  return z;
}

/** Flags of the other target are refused rather than ignored: a fleet of the wrong kind is a long mistake. */
function checkTargetFlags(flags: FleetFlags, target: FleetConfig['target']): void {
  if (target === 'kubernetes' && flags.localNodeSetup.length > 0) {
    throw new UsageError(
      '--local-node-setup is for fleet --target local. Add --target local, or leave it out.',
    );
  }
  const kubernetesOnly = (
    ['kubeconfig', 'context', 'namespace', 'nodeSelector', 'allowControlPlane', 'ipFamily'] as const
  ).filter((key) => flags[key] !== undefined);
  if (target === 'local' && (kubernetesOnly.length > 0 || flags.toleration.length > 0)) {
    const key = kubernetesOnly[0] ?? 'toleration';
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(
      `${flag} is for fleet --target kubernetes. Add --target kubernetes, or leave it out.`,
    );
  }
}

function reportSettings(flags: FleetReportFlags): Omit<FleetReportConfig, 'inPath'> {
  return {
    debug: flags.debug === true,
    ...(flags.baseline !== undefined ? { baselinePath: flags.baseline } : {}),
    ...(flags.html !== undefined ? { htmlPath: flags.html } : {}),
    ...(flags.markdown !== undefined ? { markdownPath: flags.markdown } : {}),
    ...(flags.outlierZ !== undefined ? { zCut: parseZCut(flags.outlierZ) } : {}),
    ...(flags.minChange !== undefined ? { minChangePct: parsePercent('--min-change', flags.minChange) } : {}),
  };
}

/** Checks and converts `fleet` flags into a FleetConfig; every bad value is a one-line UsageError. */
export function toFleetConfig(flags: FleetFlags): FleetConfig {
  const target = parseChoice('--target', flags.target, TARGET_KINDS);
  checkTargetFlags(flags, target);
  const nodes = parseNodes(flags, target);
  const seed = parseBounded('--seed', flags.seed, 0, MAX_FLEET_SEED);
  const config: FleetConfig = {
    target,
    seed,
    reference: flags.reference,
    localNodeSetups: flags.localNodeSetup,
    kubernetes: toKubernetesSettings(flags, flags.reference),
    outPath: flags.out,
    ...reportSettings(flags),
    ...(nodes !== undefined ? { nodes } : {}),
    ...(flags.suite !== undefined ? { suitePath: flags.suite } : {}),
    ...(flags.scenarios !== undefined ? { scenarioNames: parseScenarioList(flags.scenarios) } : {}),
    ...(flags.samples !== undefined ? { samples: parseWholeNumber('--samples', flags.samples) } : {}),
    ...(flags.duration !== undefined
      ? { durationSeconds: parseWholeNumber('--duration', flags.duration) }
      : {}),
    ...(flags.timeout !== undefined
      ? { timeoutMs: parseDuration('--timeout', flags.timeout, 'no limit') }
      : {}),
  };
  if (flags.parallel !== undefined) {
    config.parallel = parseWholeNumber('--parallel', flags.parallel);
    if (config.parallel < 1) throw new UsageError(`--parallel must be at least 1, got ${config.parallel}`);
  }
  // Node setups name nodes of the local fleet: a bad one fails before anything is created.
  if (target === 'local' && nodes !== undefined) parseNodeSetups(flags.localNodeSetup, nodes);
  if (flags.plan !== undefined) {
    config.plan = parsePlanSpec(flags.plan);
    // The local fleet's size is known now: a plan it cannot hold fails before anything is created.
    if (target === 'local' && nodes !== undefined) checkLocalPlan(nodes, config.plan, seed);
  }
  return config;
}

/** Checks and converts `fleet-report` flags. */
export function toFleetReportConfig(flags: FleetReportFlags & { in: string }): FleetReportConfig {
  return { inPath: flags.in, ...reportSettings(flags) };
}
