/** What the local target reports about the machine: host facts (read once) and the fingerprint built from them. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { NodeFingerprint, TargetFingerprint } from '../target.js';
import { type CpuProfile, formatCpuList, parseCpuList } from './cpu-profiles.js';
import { type LocalNames, linksOf, NAMES_PATTERN } from './names.js';

/** Facts about this machine; both "nodes" share them. */
export interface HostFacts {
  /** `uname -r`. */
  kernel: string;
  /** "model name" from /proc/cpuinfo. */
  cpuModel: string;
  /** Core ids this process may run on (its affinity), which is what the CPU profiles pin to. */
  availableCores: number[];
}

/** The local what-if settings worth recording beside results. */
export interface LocalSettings {
  qdisc?: string | undefined;
  serverSetup?: string | undefined;
  clientSetup?: string | undefined;
}

/** Core ids from `Cpus_allowed_list` in /proc/<pid>/status text; undefined when absent. */
export function parseAllowedCores(statusText: string): number[] | undefined {
  const line = /^Cpus_allowed_list:\s*(\S+)\s*$/m.exec(statusText);
  return line?.[1] === undefined ? undefined : parseCpuList(line[1]);
}

/** Reads the machine's kernel, CPU model and the cores this process may use. */
export function readHostFacts(): HostFacts {
  let availableCores: number[] | undefined;
  try {
    availableCores = parseAllowedCores(readFileSync('/proc/self/status', 'utf8'));
  } catch {
    // Not Linux-like /proc: fall back to a count, assuming cores 0..n-1.
  }
  availableCores ??= Array.from({ length: os.availableParallelism() }, (_, core) => core);
  // os.cpus() reads /proc/cpuinfo's "model name" on Linux.
  return { kernel: os.release(), cpuModel: os.cpus()[0]?.model ?? 'unknown', availableCores };
}

/** The version from `netperf -V` ("Netperf version 2.7.0"), or its first line when the format differs. */
export function parseNetperfVersion(stdout: string): string {
  const match = /version\s+(\S+)/i.exec(stdout);
  return match?.[1] ?? (stdout.trim().split('\n')[0] || 'unknown');
}

/** Cores of one side of a profile in words: `any`, or the list (with the request it was capped from). */
export function coresDetail(cpus: number | null, cores: readonly number[] | null): string {
  if (cores === null) return 'any';
  const capped = cpus !== null && cores.length < cpus ? ` (capped from ${cpus})` : '';
  return `${formatCpuList(cores)}${capped}`;
}

function nodeFingerprint(
  name: string,
  host: HostFacts,
  profiles: readonly CpuProfile[],
  side: 'client' | 'server',
): NodeFingerprint {
  const details: Record<string, string> = { namespace: name };
  for (const profile of profiles) {
    const cores = side === 'client' ? profile.clientCores : profile.serverCores;
    details[`cores for cpus=${profile.cpus ?? 'unlimited'}`] = coresDetail(profile.cpus, cores);
  }
  return {
    // Stable across runs (the namespace name carries the pid): baseline and current must match.
    name: `local-${side}`,
    kernel: host.kernel,
    cpuModel: host.cpuModel,
    cpuCount: host.availableCores.length,
    details,
  };
}

/**
 * The reference path in words. It names the interfaces by pattern, not by this run's id: the details
 * are compared with the baseline's, and the id (a pid) differs every run.
 */
export function describeReference(reference: boolean): string {
  if (!reference) return 'off';
  const link = linksOf(NAMES_PATTERN).reference;
  const ends = `${link.clientInterface}-${link.serverInterface} (${link.clientAddress}-${link.serverAddress})`;
  return `second veth pair ${ends}, same namespaces and CPU pinning`;
}

/**
 * Builds the fingerprint: both nodes are namespaces of this machine; the reference path is always
 * described, the what-if settings appear only when set (the results also keep them under
 * target.settings, which compare reads).
 */
export function buildFingerprint(input: {
  names: LocalNames;
  host: HostFacts;
  netperfVersion: string;
  profiles: readonly CpuProfile[];
  settings: LocalSettings;
  /** Whether the reference link is measured. */
  reference: boolean;
}): TargetFingerprint {
  const { names, host, profiles, settings } = input;
  const details: Record<string, string> = { reference: describeReference(input.reference) };
  for (const key of ['qdisc', 'serverSetup', 'clientSetup'] as const) {
    const value = settings[key];
    if (value !== undefined) details[key] = value;
  }
  return {
    netperfVersion: input.netperfVersion,
    client: nodeFingerprint(names.clientNamespace, host, profiles, 'client'),
    server: nodeFingerprint(names.serverNamespace, host, profiles, 'server'),
    details,
  };
}
