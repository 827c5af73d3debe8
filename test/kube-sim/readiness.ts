/**
 * Startup and readiness probes of the one kind netperf-gate's pods use: `tcpSocket`. A container with a
 * startup probe is Running but not started (and so not Ready) until something listens on the probe's
 * port in the pod's network namespace (the node's, for a host-network pod); then, as the kubelet does,
 * its readiness probe runs, and without one Ready means started. Why probes matter here: "Ready" used to
 * mean "the process was spawned", so a client could start netperf before netserver listened.
 * Other probe kinds (httpGet, exec) are not run: such a probe counts as passed once the container runs.
 * Once passed a probe is not run again (the kubelet keeps probing readiness; nothing here fails later).
 */
import { runCommand } from './commands.js';
import type { ContainerSpec } from './types.js';

/** How often the simulator probes: more often than a kubelet's periodSeconds, so tests do not wait for it. */
export const READINESS_PROBE_INTERVAL_MS = 100;

interface TcpProbe {
  tcpSocket?: { port?: number | string };
}

/** The probes the kubelet runs before a container is Ready, in order. */
export type ProbeKind = 'startupProbe' | 'readinessProbe';

/** The port of the container's tcpSocket probe of `kind` (a number, or the name of a container port). */
export function tcpProbePort(container: ContainerSpec | undefined, kind: ProbeKind): number | undefined {
  const port = (container?.[kind] as TcpProbe | undefined)?.tcpSocket?.port;
  if (typeof port === 'number') return port;
  const ports = container?.ports as { name?: string; containerPort: number }[] | undefined;
  return ports?.find((each) => port !== undefined && each.name === port)?.containerPort;
}

/** The port of the container's tcpSocket readiness probe. */
export function tcpReadinessPort(container: ContainerSpec | undefined): number | undefined {
  return tcpProbePort(container, 'readinessProbe');
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
  /** The probe passed. */
  onReady: () => void;
}

/** Probes until the port listens, then reports once. */
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

/** What {@link watchProbes} needs: the probe loop's parts and where to report started/ready. */
export interface ProbeWatch extends Omit<ReadinessWatch, 'port' | 'onReady'> {
  report: (started: boolean, ready: boolean) => void;
}

/**
 * Reports a container that just started: not started until its startup probe passes, then not Ready until
 * its readiness probe passes (each reported when it does); without probes started and Ready at once.
 */
export function watchProbes(container: ContainerSpec | undefined, watch: ProbeWatch): void {
  const startupPort = tcpProbePort(container, 'startupProbe');
  const readinessPort = tcpProbePort(container, 'readinessProbe');
  const afterStarted = () => {
    watch.report(true, readinessPort === undefined);
    if (readinessPort === undefined) return;
    probeUntilReady({ ...watch, port: readinessPort, onReady: () => watch.report(true, true) });
  };
  if (startupPort === undefined) {
    afterStarted();
    return;
  }
  watch.report(false, false);
  probeUntilReady({ ...watch, port: startupPort, onReady: afterStarted });
}
