/**
 * Readiness probes of the one kind netperf-gate's pods use: `tcpSocket`. A container with one is Running
 * but not Ready until something listens on the probe's port in the pod's network namespace (the node's,
 * for a host-network pod). Why: "Ready" used to mean "the process was spawned", so a client could
 * start netperf before netserver listened — on a loaded machine it often did, and the run failed with
 * "could not reach the netserver" where a real cluster would have waited for the probe.
 * Other probe kinds (httpGet, exec) are not run: such a container is Ready once started.
 */
import { runCommand } from './commands.js';
import type { ContainerSpec } from './types.js';

/** How often the simulator probes: more often than a kubelet's periodSeconds, so tests do not wait for it. */
export const READINESS_PROBE_INTERVAL_MS = 100;

interface TcpProbe {
  tcpSocket?: { port?: number | string };
}

/** The port of the container's tcpSocket readiness probe (a number, or the name of a container port). */
export function tcpReadinessPort(container: ContainerSpec | undefined): number | undefined {
  const port = (container?.readinessProbe as TcpProbe | undefined)?.tcpSocket?.port;
  if (typeof port === 'number') return port;
  const ports = container?.ports as { name?: string; containerPort: number }[] | undefined;
  return ports?.find((each) => port !== undefined && each.name === port)?.containerPort;
}

/**
 * Whether a TCP socket listens on `port` in network namespace `netns`. The kubelet connects to the pod
 * IP; the simulator cannot reach into the namespace from here, so it asks `ss` there instead.
 */
export async function listensOn(netns: string, port: number): Promise<boolean> {
  const argv = ['ss', '-N', netns, '-H', '-l', '-t', '-n', 'sport', '=', `:${port}`];
  const result = await runCommand(argv).catch(() => undefined);
  return result !== undefined && result.exitCode === 0 && result.stdout.trim() !== '';
}

/** What {@link probeUntilReady} needs from the kubelet. */
export interface ReadinessWatch {
  netns: string;
  port: number;
  /** False once the container has ended, restarted or is being deleted: probing stops. */
  stillRunning: () => boolean;
  /** Runs `probe` again after `delayMs` on the pod's timers (cleared on deletion and shutdown). */
  later: (delayMs: number, probe: () => void) => void;
  /** The probe passed: mark the pod Ready. */
  onReady: () => void;
}

/** Probes until the port listens, then reports Ready once; a container that is ready stays ready. */
export function probeUntilReady(watch: ReadinessWatch): void {
  const probe = async () => {
    if (!watch.stillRunning()) return;
    const listening = await listensOn(watch.netns, watch.port);
    if (!watch.stillRunning()) return;
    if (listening) watch.onReady();
    else watch.later(READINESS_PROBE_INTERVAL_MS, () => void probe());
  };
  void probe();
}
