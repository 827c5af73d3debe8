import { execFileSync } from 'node:child_process';
import type { RunConfig } from '../../src/config/run-config.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import type { RunIo } from '../../src/run/run-command.js';
import { createFiles } from '../../src/util/files.js';

/** A RunIo that keeps what the commands print. */
export function capturingIo(): RunIo & { printed: string[]; logged: string[] } {
  const printed: string[] = [];
  const logged: string[] = [];
  return {
    files: createFiles(),
    log: (line) => logged.push(line),
    print: (text) => printed.push(text),
    now: () => new Date(),
    printed,
    logged,
  };
}

/** A local-target run config with short runs, for tests. */
export function localRunConfig(outPath: string, overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    target: 'local',
    local: {},
    kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false },
    reference: false,
    outPath,
    debug: false,
    samples: 1,
    durationSeconds: 1,
    ...overrides,
  };
}

/** Network namespaces this process's runs would own (the local target names them npg-<pid>-…). */
export function namespacesOfThisProcess(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(`npg-${process.pid}-`));
}

/** netserver and netperf processes whose parent chain is this test process (leftovers of a run). */
export function netperfProcessesLeft(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? '' }));
  const parent = new Map(rows.map((row) => [row.pid, row.ppid]));
  const descendsFromUs = (pid: number): boolean => {
    for (let current = parent.get(pid); current !== undefined && current > 1; current = parent.get(current)) {
      if (current === process.pid) return true;
    }
    return false;
  };
  return rows
    .filter((row) => (row.comm === 'netserver' || row.comm === 'netperf') && descendsFromUs(row.pid))
    .map((row) => `${row.pid} ${row.comm}`);
}
