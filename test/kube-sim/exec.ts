/**
 * `…/pods/{name}/exec` over WebSocket with the Kubernetes channel protocol (v5.channel.k8s.io and
 * v4.channel.k8s.io): every binary message starts with a channel byte — 0 stdin, 1 stdout, 2 stderr,
 * 3 error (one JSON Status when the command ends), 255 (v5 only) a client closing one of its streams.
 * The command runs in the pod's network namespace with the pod's CPU affinity and user.
 */
import type { ChildProcess } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Cluster } from './cluster.js';
import { boolParam } from './http.js';
import { containerEnv, findExecutable, signalGroup, spawnInNamespace } from './processes.js';
import { badRequest, notFound } from './status.js';
import type { PodObject } from './types.js';
import { handshakeResponse, WebSocketConnection } from './websocket.js';

/** Subprotocols the simulator speaks, best first. */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

/** The client's first offered subprotocol that the simulator speaks. */
export function chooseProtocol(offered: string | undefined): string | undefined {
  const protocols = (offered ?? '').split(',').map((p) => p.trim());
  return protocols.find((p) => EXEC_PROTOCOLS.includes(p));
}

/** The error-channel Status for an exit code (Success, or Failure with reason NonZeroExitCode). */
export function exitStatus(command: string[], exitCode: number): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

function notFoundStatus(command: string[]): Record<string, unknown> {
  const cause = `error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`;
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${cause}`,
    reason: 'InternalError',
    details: { causes: [{ message: cause }] },
    code: 500,
  };
}

/** An exec request after the checks the API server and kubelet make before upgrading. */
export interface ExecRequest {
  pod: PodObject;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** Checks an exec request; throws the Status the API server or kubelet would answer with. */
export function checkExec(cluster: Cluster, url: URL, namespace: string, name: string): ExecRequest {
  const pod = cluster.store.get<PodObject>('pods', namespace, name);
  if (!pod) throw notFound('pods', name);
  const flag = (key: string) => boolParam(url, key);
  const request = {
    pod,
    command: url.searchParams.getAll('command'),
    stdin: flag('stdin'),
    stdout: flag('stdout'),
    stderr: flag('stderr'),
  };
  if (!request.stdin && !request.stdout && !request.stderr)
    throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  if (request.command.length === 0)
    throw badRequest('you must specify at least one command for the container');
  const container = url.searchParams.get('container') ?? pod.spec.containers[0]?.name ?? '';
  if (!pod.spec.containers.some((c) => c.name === container))
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
    throw badRequest(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  }
  if (!cluster.kubelets.runtimeOf(namespace, name)?.child)
    throw badRequest(`unable to upgrade connection: container not found ("${container}")`);
  return request;
}

/** Upgrades the connection and runs the command; `protocol` is the negotiated subprotocol. */
export function runExec(
  cluster: Cluster,
  req: IncomingMessage,
  socket: Duplex,
  request: ExecRequest,
  protocol: string,
): void {
  const { pod, command } = request;
  const namespace = pod.metadata.namespace ?? '';
  const runtime = cluster.kubelets.runtimeOf(namespace, pod.metadata.name);
  socket.write(handshakeResponse(String(req.headers['sec-websocket-key']), protocol));
  const ws = new WebSocketConnection(socket);
  const container = pod.spec.containers[0];
  const env = runtime && containerEnv(pod.metadata.name, container?.env, runtime.tmpDir);
  if (!runtime?.netns || !env || !findExecutable(command[0] ?? '', env.PATH ?? '')) {
    sendChannel(ws, ERROR, JSON.stringify(notFoundStatus(command)));
    ws.close(1000);
    return;
  }
  const cwd = container?.workingDir ?? '/';
  const { netns, cpus, user } = runtime;
  const spec = { netns, cpus, user, argv: command, env, cwd, stdin: request.stdin };
  const session = connect(ws, spawnInNamespace(spec), request, protocol);
  const drop = cluster.faults.takeExecDrop(namespace, pod.metadata.name, command);
  if (drop) setTimeout(() => session.drop(drop.mode), drop.afterMs).unref();
}

function sendChannel(ws: WebSocketConnection, channel: number, data: Buffer | string): void {
  ws.sendBinary(Buffer.concat([Buffer.from([channel]), Buffer.from(data)]));
}

/**
 * Joins the process and the WebSocket: output to channels 1/2, channel 0 to stdin, the exit status on
 * channel 3 then a normal close; the command is killed when the client goes away.
 */
function connect(ws: WebSocketConnection, child: ChildProcess, request: ExecRequest, protocol: string) {
  let done = false;
  if (request.stdout) child.stdout?.on('data', (d: Buffer) => sendChannel(ws, STDOUT, d));
  else child.stdout?.resume();
  if (request.stderr) child.stderr?.on('data', (d: Buffer) => sendChannel(ws, STDERR, d));
  else child.stderr?.resume();
  child.stdin?.on('error', () => {});
  child.on('error', () => {});
  ws.onMessage((message) => {
    if (message[0] === STDIN) child.stdin?.write(message.subarray(1));
    if (message[0] === CLOSE && protocol.startsWith('v5') && message[1] === STDIN) child.stdin?.end();
  });
  ws.onClose(() => {
    if (!done) signalGroup(child.pid, 'SIGKILL');
  });
  child.once('exit', () => signalGroup(child.pid, 'SIGKILL'));
  child.once('close', (code, signal) => {
    if (done) return;
    done = true;
    sendChannel(
      ws,
      ERROR,
      JSON.stringify(exitStatus(request.command, code ?? 128 + (signal === 'SIGTERM' ? 15 : 9))),
    );
    ws.close(1000);
  });
  return {
    /** The exec-drop fault: kill the command and lose the connection, without a status. */
    drop(mode: 'reset' | 'close'): void {
      if (done) return;
      done = true;
      signalGroup(child.pid, 'SIGKILL');
      if (mode === 'close') ws.close(1011, 'kube-sim: exec dropped (fault)');
      else ws.destroy();
    },
  };
}
