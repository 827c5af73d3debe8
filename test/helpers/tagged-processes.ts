/**
 * Finding the processes one test started, and only those: the test puts a variable with a value of its
 * own into the environment of what it starts, and every descendant inherits it (netperf and netserver
 * through `ip netns exec` included). Other netperf-gate runs on the machine — other test files, other
 * people's runs — do not carry it, so they never count.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The variable that carries the tag. */
export const PROCESS_TAG_VARIABLE = 'NPG_TEST_PROCESS_TAG';

/** A fresh tag value, and the environment entry that carries it. */
export function newProcessTag(): { tag: string; env: Record<string, string> } {
  const tag = `${process.pid}-${String(Math.random()).slice(2)}`;
  return { tag, env: { [PROCESS_TAG_VARIABLE]: tag } };
}

/** A running process: its pid, its name (`comm`, e.g. `netperf`) and its command line, for messages. */
export interface TaggedProcess {
  pid: number;
  name: string;
  args: string;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended while we looked, or is not ours to read.
    return '';
  }
}

/** Every process alive now whose environment carries `tag` (zombies have an empty environment). */
export function processesTagged(tag: string): TaggedProcess[] {
  const entry = `${PROCESS_TAG_VARIABLE}=${tag}\0`;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => `\0${readOrEmpty(`/proc/${pid}/environ`)}`.includes(`\0${entry}`))
    .map((pid) => ({
      pid: Number(pid),
      name: readOrEmpty(`/proc/${pid}/comm`).trim(),
      args: readOrEmpty(`/proc/${pid}/cmdline`).split('\0').join(' ').trim(),
    }));
}
