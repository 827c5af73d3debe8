/**
 * Fault switches: what the simulator should get wrong, on purpose, and for how many calls.
 * Set them through the programmatic API (`sim.faults.add`), `--fault KIND:key=value,...` on the command
 * line, or `POST /sim/faults` with the same object as JSON (or the same spec string as text/plain).
 */
import { z } from 'zod';

const times = z.number().int().positive().optional();
const glob = z.string().min(1).optional();

/** Schema of one fault; `times` = for the next K matching calls/pods/execs (unlimited when left out). */
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('api-error'),
    /** Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection) or `*`. */
    verb: z.string().default('*'),
    /** Resource, with subresource if any: `pods`, `pods/exec`, `pods/log`, `nodes`, `namespaces`, or `*`. */
    resource: z.string().default('*'),
    namespace: glob,
    name: glob,
    /** HTTP code: 500 → InternalError, 429 → TooManyRequests with Retry-After, others by their reason. */
    code: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().nonnegative().default(1),
    message: z.string().default('etcdserver: request timed out'),
    times,
  }),
  z.object({
    kind: z.literal('pod-state'),
    /** Pending: never scheduled. ImagePullBackOff: the image never arrives. CrashLoopBackOff: every start exits 1. */
    state: z.enum(['Pending', 'ImagePullBackOff', 'CrashLoopBackOff']),
    name: glob,
    namespace: glob,
    times,
  }),
  z.object({
    kind: z.literal('exec-drop'),
    /** Milliseconds after the exec started when its connection is dropped, before any status. */
    afterMs: z.number().int().nonnegative(),
    /** reset: the TCP connection is destroyed. close: a WebSocket close frame (1011) without status. */
    mode: z.enum(['reset', 'close']).default('reset'),
    pod: glob,
    namespace: glob,
    /** Glob over the exec's command, its words joined by spaces (e.g. `*netperf*`). */
    command: glob,
    times,
  }),
  z.object({
    kind: z.literal('node-not-ready'),
    node: z.string().min(1),
  }),
  z.object({
    /** The ServiceAccount controller is late: pods in the namespace are refused as its `default` is missing. */
    kind: z.literal('sa-missing'),
    namespace: glob,
    /** The account appears this long after the namespace was created (the controller's delay); else after `times` refusals. */
    forMs: z.number().int().positive().optional(),
    times,
  }),
  z.object({
    /** A validating admission webhook (Gatekeeper, Kyverno …) denies matching requests. */
    kind: z.literal('admission-webhook'),
    /** The webhook's name, as its configuration lists it (`validation.gatekeeper.sh`). */
    name: z.string().min(1),
    message: z.string().default('denied by policy'),
    verb: z.string().default('create'),
    resource: z.string().default('pods'),
    namespace: glob,
    /** The code the webhook answers with (the API server passes it on; Gatekeeper's is 403). */
    code: z.number().int().min(400).max(599).default(403),
    times,
  }),
  z.object({
    /**
     * A mutating admission webhook (a Kyverno or Gatekeeper mutation policy) rewrites matching pods'
     * security context on create: every container and the pod run as `runAsUser`, `runAsNonRoot` dropped.
     */
    kind: z.literal('mutating-webhook'),
    name: z.string().min(1),
    runAsUser: z.number().int().min(0),
    namespace: glob,
    times,
  }),
  z.object({
    /** The kubelet refuses to admit matching pods (phase Failed with this reason), as a real one does. */
    kind: z.literal('kubelet-admission'),
    reason: z
      .enum(['SMTAlignmentError', 'UnexpectedAdmissionError', 'TopologyAffinityError', 'OutOfcpu'])
      .default('UnexpectedAdmissionError'),
    message: z.string().optional(),
    name: glob,
    namespace: glob,
    times,
  }),
]);

/** A fault as given (defaults optional). */
export type FaultInput = z.input<typeof faultSchema>;
/** A fault with its defaults filled in. */
export type Fault = z.output<typeof faultSchema>;
/** An active fault, its id and how many uses remain (undefined = unlimited). */
export interface ActiveFault {
  id: string;
  fault: Fault;
  remaining: number | undefined;
}

/** Parses `kind:key=value,key=value` (numbers for code, times, afterMs, retryAfterSeconds). */
export function parseFaultSpec(spec: string): Fault {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const fields: Record<string, unknown> = { kind };
  for (const pair of colon < 0 ? [] : spec.slice(colon + 1).split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new Error(`Invalid fault '${spec}'. Expected KIND:key=value,key=value.`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    fields[key] = /^\d+$/.test(value) && key !== 'name' && key !== 'node' ? Number(value) : value;
  }
  return checkFault(fields);
}

/** Validates a fault object; throws one line saying what is wrong. */
export function checkFault(input: unknown): Fault {
  const parsed = faultSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `Invalid fault ${JSON.stringify(input)}: ${issue?.path.join('.') || 'kind'}: ${issue?.message}`,
  );
}

/** `*` globs as in the fault's name/namespace/pod fields; a missing glob matches everything. */
export function globMatches(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  const regex = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  // `s`: a command glob may span the lines of a `sh -c` script.
  return new RegExp(`^${regex}$`, 's').test(value);
}

/** The request an api-error fault is matched against. */
export interface ApiCall {
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
}

/** The active faults, consumed as they fire. */
export class FaultBook {
  private readonly active: ActiveFault[] = [];
  private nextId = 1;
  private readonly nodeListeners = new Set<() => void>();

  /** Adds a fault (validated) and returns its id. */
  add(input: FaultInput): string {
    const fault = checkFault(input);
    const id = `f${this.nextId++}`;
    this.active.push({ id, fault, remaining: 'times' in fault ? fault.times : undefined });
    if (fault.kind === 'node-not-ready') this.notifyNodes();
    return id;
  }

  /** Removes one fault by id; true when it was active. */
  remove(id: string): boolean {
    const index = this.active.findIndex((a) => a.id === id);
    if (index < 0) return false;
    const [removed] = this.active.splice(index, 1);
    if (removed?.fault.kind === 'node-not-ready') this.notifyNodes();
    return true;
  }

  /** Removes every fault (nodes become Ready again). */
  clear(): void {
    const hadNodes = this.active.some((a) => a.fault.kind === 'node-not-ready');
    this.active.splice(0);
    if (hadNodes) this.notifyNodes();
  }

  /** Copies of the active faults. */
  list(): ActiveFault[] {
    return structuredClone(this.active);
  }

  /**
   * The api-error fault for this call, if any (one use consumed); an admission-webhook fault comes as
   * the api-error the API server makes of the webhook's denial.
   */
  takeApiError(call: ApiCall): Extract<Fault, { kind: 'api-error' }> | undefined {
    const matches = (f: { verb: string; resource: string; namespace?: string | undefined }) =>
      (f.verb === '*' || f.verb === call.verb) &&
      (f.resource === '*' || f.resource === call.resource) &&
      globMatches(f.namespace, call.namespace ?? '');
    const direct = this.take(
      'api-error',
      (f) => matches(f) && (f.name === undefined || globMatches(f.name, call.name ?? '')),
    );
    if (direct) return direct;
    const webhook = this.take('admission-webhook', matches);
    if (!webhook) return undefined;
    const message = `admission webhook "${webhook.name}" denied the request: ${webhook.message}`;
    const { verb, resource, code } = webhook;
    return { kind: 'api-error', verb, resource, code, retryAfterSeconds: 1, message };
  }

  /**
   * Whether a sa-missing fault holds back the `default` ServiceAccount of `namespace`, created
   * `namespaceAgeMs` ago (one use consumed).
   */
  takeServiceAccountMissing(namespace: string, namespaceAgeMs: number): boolean {
    const holds = (f: Extract<Fault, { kind: 'sa-missing' }>) =>
      globMatches(f.namespace, namespace) && (f.forMs === undefined || namespaceAgeMs < f.forMs);
    return this.take('sa-missing', holds) !== undefined;
  }

  /** The kubelet's refusal planned for a pod, if a kubelet-admission fault matches it (one use consumed). */
  takeKubeletAdmission(
    namespace: string,
    name: string,
  ): Extract<Fault, { kind: 'kubelet-admission' }> | undefined {
    return this.take(
      'kubelet-admission',
      (f) => globMatches(f.namespace, namespace) && globMatches(f.name, name),
    );
  }

  /** The mutation a mutating-webhook fault makes to a new pod in `namespace`, if any (one use consumed). */
  takeMutation(namespace: string): Extract<Fault, { kind: 'mutating-webhook' }> | undefined {
    return this.take('mutating-webhook', (f) => globMatches(f.namespace, namespace));
  }

  /** The forced state of a new pod, if a pod-state fault matches it (one use consumed). */
  takePodState(namespace: string, name: string): Extract<Fault, { kind: 'pod-state' }> | undefined {
    return this.take('pod-state', (f) => globMatches(f.namespace, namespace) && globMatches(f.name, name));
  }

  /** The drop planned for a new exec, if any (one use consumed). */
  takeExecDrop(
    namespace: string,
    pod: string,
    command: readonly string[] = [],
  ): Extract<Fault, { kind: 'exec-drop' }> | undefined {
    const text = command.join(' ');
    return this.take(
      'exec-drop',
      (f) => globMatches(f.namespace, namespace) && globMatches(f.pod, pod) && globMatches(f.command, text),
    );
  }

  /** Names of the nodes a node-not-ready fault holds down. */
  notReadyNodes(): Set<string> {
    return new Set(this.active.flatMap((a) => (a.fault.kind === 'node-not-ready' ? [a.fault.node] : [])));
  }

  /** Calls `listener` whenever the set of NotReady nodes may have changed. */
  onNodesChanged(listener: () => void): void {
    this.nodeListeners.add(listener);
  }

  private notifyNodes(): void {
    for (const listener of this.nodeListeners) listener();
  }

  private take<K extends Fault['kind']>(
    kind: K,
    matches: (fault: Extract<Fault, { kind: K }>) => boolean,
  ): Extract<Fault, { kind: K }> | undefined {
    const index = this.active.findIndex(
      (a) => a.fault.kind === kind && matches(a.fault as Extract<Fault, { kind: K }>),
    );
    const found = this.active[index];
    if (!found) return undefined;
    if (found.remaining !== undefined) {
      found.remaining -= 1;
      if (found.remaining <= 0) this.active.splice(index, 1);
    }
    return found.fault as Extract<Fault, { kind: K }>;
  }
}
