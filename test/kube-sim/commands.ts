/** Running the machine's tools (`ip`, `kill`) with argument arrays, bounded in time. */
import { spawn } from 'node:child_process';

/** Bound for one helper command (`ip …`). */
export const COMMAND_TIMEOUT_MS = 15_000;

/** What a finished command printed and how it ended. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` (optionally feeding `input` on stdin) and resolves when it exits; never rejects on exit codes. */
export function runCommand(argv: readonly string[], input?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const [file = '', ...args] = argv;
    const child = spawn(file, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${file}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** Runs a command that must succeed; a failure throws one line quoting the command and its error. */
export async function runChecked(argv: readonly string[], input?: string): Promise<CommandResult> {
  const result = await runCommand(argv, input);
  if (result.exitCode !== 0) {
    const why = (result.stderr.trim() || result.stdout.trim()).split('\n')[0] ?? '';
    throw new Error(`\`${argv.join(' ')}\` failed (exit ${result.exitCode}): ${why}`);
  }
  return result;
}
