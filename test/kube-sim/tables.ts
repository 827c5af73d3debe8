/**
 * Server-side printing: when a client asks for `as=Table` (kubectl get does), the API server answers
 * with a meta.k8s.io/v1 Table whose columns are those of Kubernetes' own printers. Pure.
 */
import type { IncomingMessage } from 'node:http';
import type { KubeObject, NamespaceObject, NodeObject, PodObject, ResourceName } from './types.js';

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

function column(name: string, type = 'string', priority = 0, format = ''): Column {
  return { name, type, format, description: name, priority };
}

/** Whether the request's Accept header asks for a Table. */
export function wantsTable(req: IncomingMessage): boolean {
  return /as=Table/.test(String(req.headers.accept ?? ''));
}

/** Age as kubectl prints it (duration.HumanDuration). */
export function humanAge(since: string | undefined, now = Date.now()): string {
  if (!since) return '<unknown>';
  const seconds = Math.floor((now - Date.parse(since)) / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 120) return `${Math.max(seconds, 0)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours < 24 * 8 && hours % 24 !== 0 ? `${days}d${hours % 24}h` : `${days}d`;
}

/** The STATUS column of a pod, as kubectl shows it. */
export function podStatusText(pod: PodObject): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  for (const c of pod.status.containerStatuses ?? []) {
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function podCells(pod: PodObject): unknown[] {
  const statuses = pod.status.containerStatuses ?? [];
  const ready = statuses.filter((c) => c.ready).length;
  const restarts = statuses.reduce((sum, c) => sum + c.restartCount, 0);
  return [
    pod.metadata.name,
    `${ready}/${pod.spec.containers.length}`,
    podStatusText(pod),
    String(restarts),
    humanAge(pod.metadata.creationTimestamp),
    pod.status.podIP ?? '<none>',
    pod.spec.nodeName ?? '<none>',
    '<none>',
    '<none>',
  ];
}

function nodeCells(node: NodeObject): unknown[] {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
  const status = `${ready ? 'Ready' : 'NotReady'}${node.spec.unschedulable ? ',SchedulingDisabled' : ''}`;
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((l) => l.startsWith('node-role.kubernetes.io/'))
    .map((l) => l.slice('node-role.kubernetes.io/'.length));
  const address = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>';
  const info = node.status.nodeInfo;
  return [
    node.metadata.name,
    status,
    roles.length ? roles.join(',') : '<none>',
    humanAge(node.metadata.creationTimestamp),
    info.kubeletVersion,
    address,
    '<none>',
    info.osImage,
    info.kernelVersion,
    info.containerRuntimeVersion,
  ];
}

function eventCells(event: KubeObject): unknown[] {
  const involved = (event.involvedObject ?? {}) as { kind?: string; name?: string };
  return [
    humanAge(event.lastTimestamp as string | undefined),
    event.type,
    event.reason,
    `${String(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
    event.message,
  ];
}

const nameAndCreated = {
  columns: [column('Name', 'string', 0, 'name'), column('Created At', 'date')],
  cells: (o: KubeObject) => [o.metadata.name, o.metadata.creationTimestamp],
};

const bindingTable = {
  columns: [column('Name', 'string', 0, 'name'), column('Role'), column('Age')],
  cells: (o: KubeObject) => {
    const ref = (o.roleRef ?? {}) as { kind?: string; name?: string };
    return [o.metadata.name, `${ref.kind}/${ref.name}`, humanAge(o.metadata.creationTimestamp)];
  },
};

const TABLES: Record<ResourceName, { columns: Column[]; cells: (o: never) => unknown[] }> = {
  pods: {
    columns: [
      column('Name', 'string', 0, 'name'),
      column('Ready'),
      column('Status'),
      column('Restarts'),
      column('Age'),
      column('IP', 'string', 1),
      column('Node', 'string', 1),
      column('Nominated Node', 'string', 1),
      column('Readiness Gates', 'string', 1),
    ],
    cells: podCells,
  },
  nodes: {
    columns: [
      column('Name', 'string', 0, 'name'),
      column('Status'),
      column('Roles'),
      column('Age'),
      column('Version'),
      column('Internal-IP', 'string', 1),
      column('External-IP', 'string', 1),
      column('OS-Image', 'string', 1),
      column('Kernel-Version', 'string', 1),
      column('Container-Runtime', 'string', 1),
    ],
    cells: nodeCells,
  },
  namespaces: {
    columns: [column('Name', 'string', 0, 'name'), column('Status'), column('Age')],
    cells: (ns: NamespaceObject) => [
      ns.metadata.name,
      ns.status.phase,
      humanAge(ns.metadata.creationTimestamp),
    ],
  },
  events: {
    columns: [column('Last Seen'), column('Type'), column('Reason'), column('Object'), column('Message')],
    cells: eventCells,
  },
  serviceaccounts: {
    columns: [column('Name', 'string', 0, 'name'), column('Secrets', 'integer'), column('Age')],
    cells: (o: KubeObject) => [
      o.metadata.name,
      Array.isArray(o.secrets) ? o.secrets.length : 0,
      humanAge(o.metadata.creationTimestamp),
    ],
  },
  roles: nameAndCreated,
  clusterroles: nameAndCreated,
  rolebindings: bindingTable,
  clusterrolebindings: bindingTable,
};

/** A Table of `objects`; each row carries the object's metadata (PartialObjectMetadata), as by default. */
export function toTable(
  resource: ResourceName,
  objects: KubeObject[],
  metadata: Record<string, unknown>,
): unknown {
  const table = TABLES[resource];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: table.columns,
    rows: objects.map((object) => ({
      cells: table.cells(object as never),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata },
    })),
  };
}
