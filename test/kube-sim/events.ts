/**
 * Core v1 Events about pods, as the scheduler and kubelet record them: repeated events (same object,
 * reason and message) are folded into one with a growing `count`, as client-go's event correlator does.
 */
import { newUid, timestamp } from './meta.js';
import type { ObjectStore } from './store.js';
import type { KubeObject } from './types.js';

/** Who reports an event: the scheduler, or the kubelet of a node. */
export interface EventSource {
  component: 'default-scheduler' | 'kubelet';
  host?: string;
}

/** Records events into the store. */
export class EventRecorder {
  private readonly folded = new Map<string, string>();
  private lastNanos = 0n;

  private readonly store: ObjectStore;

  constructor(store: ObjectStore) {
    this.store = store;
  }

  /** Records (or folds) an event about `involved`. */
  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const key = `${involved.metadata.uid}|${reason}|${message}`;
    const existing = this.folded.get(key);
    const now = timestamp();
    if (existing && this.store.get('events', namespace, existing)) {
      this.store.modify('events', namespace, existing, (event) => {
        event.count = Number(event.count ?? 1) + 1;
        event.lastTimestamp = now;
      });
      return;
    }
    const name = `${involved.metadata.name}.${this.nextNanos().toString(16)}`;
    this.folded.set(key, name);
    this.store.create('events', {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name, namespace, uid: newUid(), resourceVersion: '', creationTimestamp: now },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: 'v1',
        resourceVersion: involved.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
  }

  /** Event names end in the hex of Unix nanoseconds, as client-go names them (so they sort by time). */
  private nextNanos(): bigint {
    const now = BigInt(Date.now()) * 1_000_000n;
    this.lastNanos = now > this.lastNanos ? now : this.lastNanos + 1n;
    return this.lastNanos;
  }

  /** Removes every event of a namespace (namespace deletion). */
  removeNamespace(namespace: string): void {
    for (const event of this.store.list('events', namespace)) {
      this.store.remove('events', namespace, event.metadata.name);
    }
  }
}
