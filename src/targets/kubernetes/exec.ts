/**
 * Exec over WebSocket with client-node's Exec (channel protocol v5/v4: 1 stdout, 2 stderr, 3 Status).
 * Its WebSocketHandler is wrapped so that a v5 close frame (255) or an unknown channel cannot end our
 * own stdout or throw inside the socket's message handler.
 */

import { PassThrough, Readable, Writable } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package index; the package has no exports map, so the file is reachable.
import {
  WebSocketHandler,
  type WebSocketInterface,
} from '@kubernetes/client-node/dist/web-socket-handler.js';
// The WebSocket client-node itself uses (its dependency): made here so that a hung upgrade can be ended.
import WebSocket from 'isomorphic-ws';
import { FAN_OUT_EACH_NAME, FAN_OUT_NAME } from '../../netperf/fan-out.js';
import { InfraError } from '../../util/errors.js';
import type { ProcessOutput } from '../target.js';
import { execEndFromStatus } from './exec-status.js';

/**
 * Bound for the API server to answer the exec's WebSocket upgrade: a proxy or load balancer that does
 * not pass upgrades on may hold the request open for ever, and the exec's own timeout only starts once
 * the socket is open.
 */
export const EXEC_UPGRADE_TIMEOUT_MS = 30_000;

/** Output kept per stream of one exec; netperf prints a few lines. */
export const MAX_EXEC_OUTPUT_BYTES = 1_000_000;

/** Where an exec runs. */
export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (size < MAX_EXEC_OUTPUT_BYTES) chunks.push(chunk);
      size += chunk.length;
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The socket an exec opens, kept so that a hung upgrade can be ended. */
interface SocketHolder {
  socket?: WebSocket;
}

/** The handler, with frames only our streams understand passed on; the socket it makes goes into `holder`. */
function guardedHandler(config: KubeConfig, holder: SocketHolder): WebSocketInterface {
  const idle = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() };
  const factory = (uri: string, protocols: string[], options: WebSocket.ClientOptions) => {
    holder.socket = new WebSocket(uri, protocols, options);
    return holder.socket;
  };
  const handler = new WebSocketHandler(config, factory, idle);
  return {
    connect: (path, textHandler, binaryHandler) =>
      handler.connect(path, textHandler, (channel, data) =>
        channel >= 1 && channel <= 3 && binaryHandler !== null ? binaryHandler(channel, data) : true,
      ),
  };
}

/**
 * `opening`, or a one-line InfraError when the upgrade is not answered within `timeoutMs` (the
 * half-open socket is ended, so nothing keeps the process alive).
 */
function boundUpgrade<T>(opening: Promise<T>, holder: SocketHolder, where: ExecTarget, timeoutMs: number) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new InfraError(
          `the exec WebSocket upgrade to pod ${where.namespace}/${where.pod} got no answer within ${timeoutMs / 1000} s: check the API server and any proxy or load balancer in front of it (it must pass WebSocket upgrades), then run again`,
        ),
      );
      holder.socket?.terminate();
    }, timeoutMs);
    opening.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The WebSocket upgrade was refused: carries the HTTP status so retries can judge it (nothing ran yet). */
export class ExecHandshakeError extends Error {
  override readonly name = 'ExecHandshakeError';
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/**
 * The connect failure as an Error: ws hands `onerror` an ErrorEvent whose `error` is the real one, and
 * says "Unexpected server response: 500" when the upgrade is answered with an HTTP error.
 */
function connectError(failure: unknown): unknown {
  const inner = (failure as { error?: unknown } | null)?.error;
  const error = inner instanceof Error ? inner : failure;
  const status = /Unexpected server response: (\d{3})/.exec(error instanceof Error ? error.message : '');
  return status?.[1] === undefined
    ? error
    : new ExecHandshakeError((error as Error).message, Number(status[1]));
}

/**
 * A command for messages: the program, and what it was asked to do. The fan-out script (`sh -c
 * SCRIPT netperf-gate-fan-out N netperf …`) is named by what it runs, "32 × netperf …", not by its script.
 */
export function describeCommand(command: readonly string[]): { program: string; text: string } {
  if (command[0] === 'sh' && command[3] === FAN_OUT_NAME) {
    const [count = '?', program = '?', ...args] = command.slice(4);
    return { program, text: `${count} × ${[program, ...args].join(' ')}` };
  }
  if (command[0] === 'sh' && command[3] === FAN_OUT_EACH_NAME) {
    // N, the varying argument's position, N values, then the command: shown with the first…last value.
    const count = Number(command[4]);
    const at = Number(command[5]);
    const values = command.slice(6, 6 + count);
    const [program = '?', ...args] = command.slice(6 + count);
    const shown = [program, ...args].map((arg, k) =>
      k + 1 === at ? `${values[0]}…${values[values.length - 1]}` : arg,
    );
    return { program, text: `${count} × ${shown.join(' ')}` };
  }
  return { program: command[0] ?? '?', text: command.join(' ') };
}

function finished(stream: Writable): Promise<void> {
  return stream.writableFinished
    ? Promise.resolve()
    : new Promise((resolve) => stream.once('finish', resolve));
}

/**
 * Runs `command` in the container, resolving with its output and exit code. Rejects with an InfraError
 * when the socket closes without an exit status (the exec connection dropped), when the command could
 * not run, after `timeoutMs`, or when the WebSocket upgrade is not answered within `upgradeTimeoutMs`.
 */
export async function execInPod(
  config: KubeConfig,
  where: ExecTarget,
  command: readonly string[],
  timeoutMs: number,
  upgradeTimeoutMs: number = EXEC_UPGRADE_TIMEOUT_MS,
): Promise<ProcessOutput> {
  const stdout = collector();
  const stderr = collector();
  let status: V1Status | undefined;
  const holder: SocketHolder = {};
  const exec = new Exec(config, guardedHandler(config, holder));
  const opening = exec
    .exec(
      where.namespace,
      where.pod,
      where.container,
      [...command],
      stdout.stream,
      stderr.stream,
      null,
      false,
      (received) => {
        status = received;
      },
    )
    .catch((error: unknown) => {
      throw connectError(error);
    });
  const socket = await boundUpgrade(opening, holder, where, upgradeTimeoutMs);
  const described = describeCommand(command);
  const what = `'${described.text}' in pod ${where.namespace}/${where.pod}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(
        new InfraError(
          `${what} did not end within ${Math.round(timeoutMs / 1000)} s: check the pod and its node, then run again`,
        ),
      );
    }, timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (status === undefined) {
    throw new InfraError(
      `the exec connection to pod ${where.namespace}/${where.pod} dropped before ${described.program} ended (no exit status): check the API server, the node's kubelet and the network to it, then run again`,
    );
  }
  const end = execEndFromStatus(status);
  if ('failure' in end) throw new InfraError(`could not run ${what}: ${end.failure}`);
  await Promise.all([finished(stdout.stream), finished(stderr.stream)]);
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode: end.exitCode };
}
