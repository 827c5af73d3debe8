/**
 * Helpers for the simulator's own tests: pod objects, waiting through a real client-node Watch, exec
 * through client-node's Exec, and looking at what the simulator left on the machine.
 */
import { execFileSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import type * as k8s from '@kubernetes/client-node';

/** client-node, loaded once (it is ESM-only and heavy). */
export type ClientNode = typeof k8s;

/** Bound for a pod to reach the state a test waits for. */
export const POD_WAIT_MS = 15_000;

/** A minimal pod: one container running `command`, optionally on a node, with a CPU limit. */
export function podBody(
  name: string,
  command: string[],
  options: { nodeName?: string; cpu?: string; hostNetwork?: boolean } = {},
): k8s.V1Pod {
  const resources = options.cpu
    ? { limits: { cpu: options.cpu, memory: '64Mi' }, requests: { cpu: options.cpu, memory: '64Mi' } }
    : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'kube-sim-test', role: name } },
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 2,
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      ...(options.hostNetwork ? { hostNetwork: true } : {}),
      containers: [{ name: 'main', image: 'quay.io/cilium/network-perf:test', command, resources }],
    },
  };
}

/** Waits through a Watch (from "now") until the pod satisfies `done`; rejects after POD_WAIT_MS. */
export async function waitForPod(
  client: ClientNode,
  kc: k8s.KubeConfig,
  namespace: string,
  name: string,
  done: (pod: k8s.V1Pod) => boolean,
): Promise<k8s.V1Pod> {
  const watch = new client.Watch(kc);
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<k8s.V1Pod>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`pod ${namespace}/${name} not done within ${POD_WAIT_MS} ms`)),
        POD_WAIT_MS,
      );
      const path = `/api/v1/namespaces/${namespace}/pods`;
      watch
        .watch(
          path,
          { fieldSelector: `metadata.name=${name}` },
          (_type, pod: k8s.V1Pod) => done(pod) && resolve(pod),
          (err) => err && reject(err),
        )
        .then((c) => {
          controller = c;
        }, reject);
    });
  } finally {
    clearTimeout(timer);
    controller?.abort();
  }
}

/** What an exec produced. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  /** The Status from the error channel, or undefined when the connection ended without one. */
  status: k8s.V1Status | undefined;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs `command` in a pod through client-node's Exec (WebSocket), feeding `stdin` if given, and waits
 * for the connection to close.
 */
export async function execInPod(
  client: ClientNode,
  kc: k8s.KubeConfig,
  namespace: string,
  pod: string,
  command: string[],
  stdin?: string,
): Promise<ExecResult> {
  const out = collector();
  const err = collector();
  let status: k8s.V1Status | undefined;
  const ws = await new client.Exec(kc).exec(
    namespace,
    pod,
    'main',
    command,
    out.stream,
    err.stream,
    stdin === undefined ? null : Readable.from([Buffer.from(stdin)]),
    false,
    (s) => {
      status = s;
    },
  );
  await new Promise<void>((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve();
    else ws.once('close', () => resolve());
  });
  return { stdout: out.text(), stderr: err.text(), status };
}

/** Network namespaces whose name starts with `prefix-`. */
export function netnsWithPrefix(prefix: string): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(`${prefix}-`));
}

/** Pids of processes whose command line contains `marker` (tests start commands with unique markers). */
export function pidsWithMarker(marker: string): number[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes(marker) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** A marker unique to this test process, for `sleep <marker>`-style commands that `ps` can find. */
export function uniqueSleepSeconds(): string {
  return String(100_000 + (process.pid % 100_000) * 10 + Math.floor(Math.random() * 10));
}
