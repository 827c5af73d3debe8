/**
 * Headless Debian Chromium driven over the DevTools protocol through --remote-debugging-pipe (fd 3 in,
 * fd 4 out, NUL-terminated JSON): no port, no WebSocket, no npm dependency. Flags keep it off the
 * network (this machine has none, and the report must load nothing anyway).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Debian's package puts it; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Bounded waits: a cold start of Chromium on a 2-core machine takes a few seconds. */
export const BROWSER_COMMAND_TIMEOUT_MS = 30_000;
export const PAGE_LOAD_TIMEOUT_MS = 30_000;
const BROWSER_EXIT_TIMEOUT_MS = 10_000;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--remote-debugging-pipe',
];

type Message = {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
};

/** One DevTools protocol connection over the pipe. */
export class DevTools {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(message: Message) => void>();

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0');
    while (end >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      end = this.buffer.indexOf('\0');
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (waiting && message.id !== undefined) {
        this.pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`DevTools: ${message.error.message}`));
        else waiting.resolve(message.result);
      }
      for (const listener of this.listeners) listener(message);
    }
  }

  /** Sends a command (to a page when `sessionId` is given) and waits for its result. */
  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return withTimeout(
      new Promise<T>((resolve, reject) =>
        this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
      ),
      BROWSER_COMMAND_TIMEOUT_MS,
      `Chromium's answer to ${method}`,
    );
  }

  /** Calls `listener` with every event; returns a function that stops it. */
  onEvent(listener: (message: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the params of the first `method` event (of `sessionId`), bounded by `timeoutMs`. */
  waitForEvent(method: string, sessionId: string, timeoutMs: number): Promise<unknown> {
    let stop = () => {};
    const event = new Promise<unknown>((resolve) => {
      stop = this.onEvent((m) => {
        if (m.method === method && m.sessionId === sessionId) resolve(m.params);
      });
    });
    return withTimeout(event, timeoutMs, `the ${method} event`).finally(stop);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`Timed out after ${ms} ms waiting for ${what}; is Chromium working (${CHROMIUM_PATH})?`),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A running headless Chromium with its own throw-away profile. */
export interface Browser {
  devTools: DevTools;
  /** Closes the browser, waits (bounded) for it to exit and removes the profile. */
  close(): Promise<void>;
}

/** Starts Chromium; fails with what to do when it is not installed. */
export function launchChromium(windowSize = '1200,2000'): Browser {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/setup-debian.sh as root (it installs Debian's chromium package), or set CHROMIUM_PATH.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'npg-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [...FLAGS, `--user-data-dir=${profile}`, `--window-size=${windowSize}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const devTools = new DevTools(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    devTools,
    async close() {
      await devTools.send('Browser.close').catch(() => undefined);
      await withTimeout(exited, BROWSER_EXIT_TIMEOUT_MS, 'Chromium to exit').catch(() =>
        child.kill('SIGKILL'),
      );
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a new tab attached in flattened mode; returns its session id. */
export async function openPage(devTools: DevTools): Promise<string> {
  const { targetId } = await devTools.send<{ targetId: string }>('Target.createTarget', {
    url: 'about:blank',
  });
  const { sessionId } = await devTools.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  return sessionId;
}

/** Evaluates an expression in the page and returns its value (JSON-serialisable). */
export async function evaluate<T>(devTools: DevTools, sessionId: string, expression: string): Promise<T> {
  const reply = await devTools.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
    'Runtime.evaluate',
    { expression, returnByValue: true },
    sessionId,
  );
  if (reply.exceptionDetails) throw new Error(`page script failed: ${reply.exceptionDetails.text}`);
  return reply.result.value;
}
