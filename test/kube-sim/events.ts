/**
 * Core v1 Events about pods, as the scheduler and kubelet record them: repeated events (same object,
 * reason and message) are folded into one with a growing `count`, as client-go's event correlator does.
 */
import { randomBytes } from 'node:crypto';
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
    const name = `${involved.metadata.name}.${randomBytes(8).toString('hex')}`;
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

  /** Removes every event of a namespace (namespace deletion). */
  removeNamespace(namespace: string): void {
    for (const event of this.store.list('events', namespace)) {
      this.store.remove('events', namespace, event.metadata.name);
    }
  }
}
