/**
 * kube-sim: a Kubernetes API server for tests, on plain HTTP at 127.0.0.1, whose nodes are network
 * namespaces and whose pods are real processes (the container's command; the image is ignored and the
 * machine's binaries are used). See README.md in this folder.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import {
  type AccessControl,
  ADMIN_TOKEN,
  createAccessControl,
  type KubeSimRbacOptions,
  loadManifests,
} from './access.js';
import { type AuditEntry, AuditLog } from './audit.js';
import { Cluster, namespaceObject } from './cluster.js';
import { FaultBook, type FaultInput } from './faults.js';
import { kubeconfigText } from './kubeconfig.js';
import { MAX_NODES, type SimIpFamily, SimNetwork } from './network.js';
import { controlPlaneNode, nodeName, type SimNodeConfig } from './nodes.js';
import { findExecutable } from './processes.js';
import { manifestDocuments } from './rbac-manifests.js';
import { serveCluster } from './server.js';
import { startServiceAccountController, storeManifestObjects, syncPolicy } from './stored-kinds.js';
import { selfSignedCertificate } from './tls.js';
import type { NamespaceObject } from './types.js';

export type { KubeSimRbacOptions } from './access.js';
export type { AuditEntry } from './audit.js';
export type { CpuManagerPolicy } from './cpu-manager.js';
export type { ActiveFault, Fault, FaultInput } from './faults.js';
export { FaultBook, parseFaultSpec } from './faults.js';
export type { SimIpFamily } from './network.js';
export { controlPlaneNode, type SimNodeConfig } from './nodes.js';

/** How to start a simulator. */
export interface KubeSimOptions {
  /**
   * Node count, or one settings object per node (`sim-node-1`, `sim-node-2`, …; a config may name its
   * node, zone, and CPU already requested on it: see SimNodeConfig).
   */
  nodes: number | SimNodeConfig[];
  /**
   * Add a tainted, labelled control-plane node `sim-control-plane` first (see controlPlaneNode); an
   * object changes its settings (e.g. `{ cpu: '64' }`).
   */
  controlPlane?: boolean | SimNodeConfig;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Where to write the kubeconfig (the text is also returned). */
  kubeconfigPath?: string;
  /** File the audit entries are appended to (JSON lines), besides memory. */
  auditLogPath?: string;
  /** Faults active from the start. */
  faults?: FaultInput[];
  /** First CrashLoopBackOff delay; default 10 000 ms like the kubelet. */
  crashBackoffMs?: number;
  /** Delay from ErrImagePull to ImagePullBackOff; default 2 000 ms (shorter than a real pull). */
  imagePullBackoffMs?: number;
  /** Where diagnostics go (default: stderr). */
  log?: (line: string) => void;
  /**
   * Enforce RBAC: requests authenticate by bearer token and are authorized by the manifests' rules;
   * their Namespaces are created. Off by default: anyone may do anything.
   */
  rbac?: KubeSimRbacOptions;
  /**
   * Serve HTTPS with a throwaway self-signed certificate (the kubeconfigs skip verification): kubectl
   * sends a kubeconfig's token only over TLS, so kubectl under RBAC needs this. Default: plain HTTP.
   */
  https?: boolean;
  /**
   * IP families of pods and nodes: `ipv4` (default), `ipv6`, or dual-stack with IPv4 (`dual`) or IPv6
   * (`dual-ipv6-first`) listed first in podIPs, hostIPs and the nodes' InternalIPs. IPv6 addresses come
   * from 2001:2::/48.
   */
  ipFamily?: SimIpFamily;
}

/** RBAC of a running simulator. */
export interface KubeSimRbac {
  /** The user `kubeconfig` authenticates as (`system:serviceaccount:NS:NAME` for a ServiceAccount). */
  user: string;
  /** Its bearer token. */
  token: string;
  /** Enforces these manifests from now on instead (their Namespaces are created; nothing is deleted). */
  setManifests(manifests: string): void;
}

/** A running simulator. */
export interface KubeSim {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Kubeconfig YAML pointing at the simulator (with RBAC on: as the RBAC user). */
  kubeconfig: string;
  /** Kubeconfig YAML of the superuser (system:masters): the same as `kubeconfig` with RBAC off. */
  adminKubeconfig: string;
  /** Bearer token of the superuser, for direct requests (`Authorization: Bearer …`). */
  adminToken: string;
  /** With RBAC on: who `kubeconfig` authenticates as, its token, and a switch to other manifests. */
  rbac?: KubeSimRbac;
  /** Path the kubeconfig was written to, if asked. */
  kubeconfigPath?: string;
  /** Node names, in order. */
  nodeNames: string[];
  /** Prefix of every network namespace the simulator creates (`npgsim-<port>`). */
  netnsPrefix: string;
  /** Fault switches: add/remove/clear/list, effective at once. */
  faults: FaultBook;
  /** Every request so far (live array). */
  audit: AuditEntry[];
  /** Stops the server, kills every process and removes every namespace and veth it created. */
  close(): Promise<void>;
}

const REQUIRED_TOOLS = ['ip', 'nsenter', 'taskset', 'setpriv'];

function checkMachine(nodeCount: number): void {
  if (process.getuid?.() !== 0)
    throw new Error('kube-sim needs root: it creates network namespaces and veth pairs');
  const missing = REQUIRED_TOOLS.filter((tool) => !findExecutable(tool, process.env.PATH ?? ''));
  if (missing.length > 0)
    throw new Error(`kube-sim needs ${missing.join(', ')} on PATH (iproute2, util-linux)`);
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > MAX_NODES) {
    throw new Error(`Invalid node count ${nodeCount}. Expected 1 to ${MAX_NODES}.`);
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Creates the nodes' namespaces and the control plane; on failure removes what it made and rethrows. */
async function buildCluster(
  server: Server,
  network: SimNetwork,
  faults: FaultBook,
  nodes: SimNodeConfig[],
  options: KubeSimOptions,
): Promise<Cluster> {
  try {
    await network.destroyAll(); // leftovers of a simulator killed on this port
    await network.createNodes(nodes.length);
    for (const fault of options.faults ?? []) faults.add(fault);
    const backoff = {
      crashBackoffMs: options.crashBackoffMs ?? 10_000,
      imagePullBackoffMs: options.imagePullBackoffMs ?? 2_000,
    };
    const log = options.log ?? ((line: string) => console.error(line));
    return new Cluster(network, faults, nodes, { backoff, log });
  } catch (error) {
    await network.destroyAll();
    await stopServer(server);
    throw error;
  }
}

/**
 * The manifests' Namespaces, as `kubectl apply` would make them: created, or, when they exist, given the
 * labels the manifest declares (e.g. its Pod Security level); other labels are kept.
 */
function createNamespaces(cluster: Cluster, access: AccessControl): void {
  for (const { name, labels } of access.policy.namespaces) {
    if (!cluster.store.get('namespaces', undefined, name))
      cluster.store.create('namespaces', namespaceObject(name, labels));
    else
      cluster.store.modify<NamespaceObject>('namespaces', undefined, name, (namespace) => {
        namespace.metadata.labels = { ...namespace.metadata.labels, ...labels };
      });
  }
}

function rbacSwitch(cluster: Cluster, access: AccessControl): KubeSimRbac {
  return {
    user: access.kubeconfigUser.name,
    token: access.kubeconfigUser.token,
    setManifests: (manifests) => {
      loadManifests(access, manifests);
      createNamespaces(cluster, access);
      storeManifestObjects(cluster.store, manifestDocuments(manifests));
      syncPolicy(access, cluster.store);
    },
  };
}

/** The simulator's idempotent `close()`: server, exec connections, processes, then namespaces and veths. */
function closer(
  server: Server,
  dropExecs: () => void,
  stopServiceAccounts: () => void,
  cluster: Cluster,
  network: SimNetwork,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      stopServiceAccounts();
      dropExecs(); // first: an upgraded exec socket would hold server.close() open
      await stopServer(server);
      await cluster.shutdown();
      await network.destroyAll();
    })();
    return closing;
  };
}

/** Starts a simulator; on failure nothing it made is left behind. */
export async function startKubeSim(options: KubeSimOptions): Promise<KubeSim> {
  const workers: SimNodeConfig[] =
    typeof options.nodes === 'number' ? Array.from({ length: options.nodes }, () => ({})) : options.nodes;
  // Workers keep their names sim-node-1..N with a control-plane node before them.
  const named = workers.map((config, i) => ({ name: nodeName(i + 1), ...config }));
  const { controlPlane } = options;
  const extra = typeof controlPlane === 'object' ? controlPlane : {};
  const nodeConfigs = controlPlane ? [{ ...controlPlaneNode(), ...extra }, ...named] : named;
  checkMachine(nodeConfigs.length);
  const access = options.rbac ? createAccessControl(options.rbac) : undefined;
  // An https.Server emits the same request and upgrade events and closes the same way.
  const server = options.https
    ? (createHttpsServer(selfSignedCertificate()) as unknown as Server)
    : createServer();
  const port = await listen(server, options.port ?? 0);
  const network = new SimNetwork(`npgsim-${port}`, options.ipFamily ?? 'ipv4');
  const faults = new FaultBook();
  const audit = new AuditLog(options.auditLogPath);
  const cluster = await buildCluster(server, network, faults, nodeConfigs, options);
  if (access) {
    createNamespaces(cluster, access);
    storeManifestObjects(cluster.store, manifestDocuments(options.rbac?.manifests ?? ''));
  }
  const stopServiceAccounts = startServiceAccountController(cluster.store, () =>
    syncPolicy(access, cluster.store),
  );
  const dropExecs = serveCluster(server, cluster, audit, access);
  const url = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;
  const adminKubeconfig = kubeconfigText(url);
  const kubeconfig = access ? kubeconfigText(url, 'default', access.kubeconfigUser.token) : adminKubeconfig;
  if (options.kubeconfigPath) writeFileSync(options.kubeconfigPath, kubeconfig, { mode: 0o600 });
  const close = closer(server, dropExecs, stopServiceAccounts, cluster, network);
  return {
    url,
    port,
    kubeconfig,
    adminKubeconfig,
    adminToken: ADMIN_TOKEN,
    ...(access ? { rbac: rbacSwitch(cluster, access) } : {}),
    ...(options.kubeconfigPath ? { kubeconfigPath: options.kubeconfigPath } : {}),
    nodeNames: nodeConfigs.map((config, i) => config.name ?? nodeName(i + 1)),
    netnsPrefix: network.prefix,
    faults,
    audit: audit.entries,
    close,
  };
}
