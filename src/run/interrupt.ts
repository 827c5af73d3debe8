import { EXIT_INTERRUPTED_SIGINT, EXIT_INTERRUPTED_SIGTERM } from '../util/errors.js';

const SIGNAL_EXIT_CODES = { SIGINT: EXIT_INTERRUPTED_SIGINT, SIGTERM: EXIT_INTERRUPTED_SIGTERM } as const;

/**
 * Runs `work`; if SIGINT or SIGTERM arrives meanwhile, runs `cleanup` once and exits with 130 / 143,
 * so Ctrl-C never leaves namespaces, pods or processes behind. Handlers are removed afterwards.
 */
export async function withSignalCleanup<T>(
  cleanup: () => Promise<void>,
  work: () => Promise<T>,
  log: (line: string) => void,
  exit: (code: number) => never = (code) => process.exit(code),
): Promise<T> {
  let cleaning = false;
  const handlers = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      if (cleaning) {
        log(`${signal} again: still cleaning up, please wait`);
        return;
      }
      cleaning = true;
      log(`${signal}: stopping and cleaning up`);
      cleanup()
        .catch((error: unknown) => log(`cleanup after ${signal} failed: ${String(error)}`))
        .finally(() => exit(code));
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  try {
    return await work();
  } finally {
    for (const { signal, handler } of handlers) process.off(signal, handler);
  }
}
