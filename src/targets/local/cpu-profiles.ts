/**
 * CPU profiles of the local target: pure, no I/O.
 *
 * A pod's CPU limit is emulated with CPU affinity: each distinct `cpus` value among the scenarios gets
 * its own netserver (own port) pinned to `cpus` cores, and its netperf clients are pinned likewise.
 */
import type { Scenario } from '../../suite/model.js';
import { UsageError } from '../../util/errors.js';
import { FIRST_NETSERVER_PORT } from './names.js';

/** One distinct `cpus` value: where its netserver listens and which cores client and server get. */
export interface CpuProfile {
  /** Cores asked for by the scenarios; null = not limited. */
  cpus: number | null;
  /** netserver control port of this profile. */
  port: number;
  /** Scenarios that use this profile, in suite order. */
  scenarioNames: string[];
  /** Cores for the client's netperf processes; null = no affinity set. */
  clientCores: number[] | null;
  /** Cores for the netserver; null = no affinity set. */
  serverCores: number[] | null;
}

/** Profiles in the order their `cpus` value first appears, plus one warning line per capped profile. */
export interface CpuPlan {
  profiles: CpuProfile[];
  warnings: string[];
}

/** Parses a Linux CPU list such as `0-3,8,10-11` (Cpus_allowed_list, taskset -c) into sorted core ids. */
export function parseCpuList(text: string): number[] {
  const cores = new Set<number>();
  for (const part of text.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (match?.[1] === undefined) throw new Error(`not a CPU list: '${text}'`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let core = first; core <= last; core++) cores.add(core);
  }
  return [...cores].sort((a, b) => a - b);
}

/** Core ids as an argument for `taskset -c`. */
export function formatCpuList(cores: readonly number[]): string {
  return cores.join(',');
}

/** The profile a scenario runs in; profiles are keyed by their `cpus` value. */
export function profileOf(profiles: readonly CpuProfile[], scenario: Scenario): CpuProfile {
  const profile = profiles.find((candidate) => candidate.cpus === scenario.cpus);
  if (profile === undefined) {
    throw new Error(`scenario ${scenario.name} (cpus ${scenario.cpus}) was not among the scenarios prepared`);
  }
  return profile;
}

function groupByCpus(scenarios: readonly Scenario[]): Map<number | null, string[]> {
  const groups = new Map<number | null, string[]>();
  for (const scenario of scenarios) {
    if (scenario.cpus !== null && !(Number.isInteger(scenario.cpus) && scenario.cpus >= 1)) {
      throw new UsageError(
        `Invalid cpus ${scenario.cpus} in scenario ${scenario.name}. Expected a whole number ≥ 1.`,
      );
    }
    groups.set(scenario.cpus, [...(groups.get(scenario.cpus) ?? []), scenario.name]);
  }
  return groups;
}

function cappedWarning(scenarioNames: readonly string[], cpus: number, available: number): string {
  const verb = scenarioNames.length === 1 ? 'asks' : 'ask';
  return `${scenarioNames.join(', ')} ${verb} for ${cpus} cores; this machine has ${available}: using ${available}`;
}

/**
 * Plans one profile per distinct `cpus` value. Requests beyond the cores present are capped (with a
 * warning). Clients take the first cores and servers the last, so a 1-core client and server sit on
 * different cores when there are two or more: in a cluster they would be different machines.
 */
export function planCpuProfiles(scenarios: readonly Scenario[], availableCores: readonly number[]): CpuPlan {
  if (availableCores.length === 0) throw new Error('no CPU cores available');
  const profiles: CpuProfile[] = [];
  const warnings: string[] = [];
  for (const [cpus, scenarioNames] of groupByCpus(scenarios)) {
    const port = FIRST_NETSERVER_PORT + profiles.length;
    if (cpus === null) {
      profiles.push({ cpus, port, scenarioNames, clientCores: null, serverCores: null });
      continue;
    }
    const granted = Math.min(cpus, availableCores.length);
    if (granted < cpus) warnings.push(cappedWarning(scenarioNames, cpus, availableCores.length));
    const clientCores = availableCores.slice(0, granted);
    const serverCores = availableCores.slice(availableCores.length - granted);
    profiles.push({ cpus, port, scenarioNames, clientCores, serverCores });
  }
  return { profiles, warnings };
}
