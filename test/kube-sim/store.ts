/**
 * The simulator's etcd: objects per resource, one global resourceVersion counter, a bounded history
 * of changes for watches that resume from a resourceVersion, and listeners for live watches.
 */
import type { KubeObject, ResourceName } from './types.js';

/** One change, as a watch reports it. `previous` lets a watch with selectors turn MODIFIED into ADDED/DELETED. */
export interface StoreChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: ResourceName;
  resourceVersion: number;
  object: KubeObject;
  previous?: KubeObject;
}

/** Changes kept for watches resuming from an older resourceVersion; older ones get 410 Expired. */
export const HISTORY_LIMIT = 20_000;

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** In-memory object store. Objects go in and come out as copies: nobody shares a reference with it. */
export class ObjectStore {
  private version = 100;
  private readonly objects = new Map<ResourceName, Map<string, KubeObject>>();
  private readonly history: StoreChange[] = [];
  private readonly listeners = new Set<(change: StoreChange) => void>();

  /** The resourceVersion of the latest change (what a list reports). */
  currentVersion(): number {
    return this.version;
  }

  /** A copy of one object, or undefined. */
  get<T extends KubeObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const found = this.table(resource).get(keyOf(namespace, name));
    return found ? (structuredClone(found) as T) : undefined;
  }

  /** Copies of all objects of a resource (in one namespace if given), ordered by namespace and name. */
  list<T extends KubeObject>(resource: ResourceName, namespace?: string): T[] {
    const all = [...this.table(resource).values()].filter(
      (o) => namespace === undefined || o.metadata.namespace === namespace,
    );
    all.sort((a, b) =>
      keyOf(a.metadata.namespace, a.metadata.name).localeCompare(
        keyOf(b.metadata.namespace, b.metadata.name),
      ),
    );
    return all.map((o) => structuredClone(o) as T);
  }

  /** Stores a new object (the caller checked it does not exist) and returns the stored copy. */
  create<T extends KubeObject>(resource: ResourceName, object: T): T {
    return this.write(resource, 'ADDED', object, undefined);
  }

  /**
   * Applies `mutate` to a copy of an object and stores it with a new resourceVersion; returns the new
   * copy, or undefined when the object does not exist.
   */
  modify<T extends KubeObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    mutate: (object: T) => void,
  ): T | undefined {
    const previous = this.table(resource).get(keyOf(namespace, name));
    if (!previous) return undefined;
    const next = structuredClone(previous) as T;
    mutate(next);
    return this.write(resource, 'MODIFIED', next, previous);
  }

  /** Removes an object; returns its last state (with a new resourceVersion), or undefined. */
  remove<T extends KubeObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const previous = this.table(resource).get(keyOf(namespace, name));
    if (!previous) return undefined;
    return this.write(resource, 'DELETED', structuredClone(previous) as T, previous);
  }

  /** Changes after `resourceVersion`, or 'expired' when the history no longer reaches back that far. */
  changesSince(resourceVersion: number): StoreChange[] | 'expired' {
    const oldest = this.history[0];
    if (oldest && resourceVersion < oldest.resourceVersion - 1) return 'expired';
    return this.history.filter((c) => c.resourceVersion > resourceVersion);
  }

  /** Calls `listener` for every later change; returns the function that stops it. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private table(resource: ResourceName): Map<string, KubeObject> {
    let table = this.objects.get(resource);
    if (!table) {
      table = new Map();
      this.objects.set(resource, table);
    }
    return table;
  }

  private write<T extends KubeObject>(
    resource: ResourceName,
    type: StoreChange['type'],
    object: T,
    previous: KubeObject | undefined,
  ): T {
    this.version += 1;
    object.metadata.resourceVersion = String(this.version);
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    if (type === 'DELETED') this.table(resource).delete(key);
    else this.table(resource).set(key, object);
    const change: StoreChange = {
      type,
      resource,
      resourceVersion: this.version,
      object: structuredClone(object),
    };
    if (previous) change.previous = structuredClone(previous);
    this.history.push(change);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of [...this.listeners]) listener(change);
    return structuredClone(object);
  }
}
