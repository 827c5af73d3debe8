/** Tolerations from `--toleration` strings, and which taints they tolerate: pure, no I/O. */
import type { V1Taint, V1Toleration } from '@kubernetes/client-node';
import { UsageError } from '../../util/errors.js';

/** Taint effects Kubernetes knows. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
/** Effects that keep a pod off a node; PreferNoSchedule only makes the scheduler look elsewhere first. */
const BLOCKING_EFFECTS: ReadonlySet<string> = new Set(['NoSchedule', 'NoExecute']);

// A label key: optional DNS-subdomain prefix and '/', then a name of up to 63 characters.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

const FORMAT_HINT =
  "Expected key[=value][:effect], e.g. 'dedicated=perf:NoSchedule', or '*' for every taint.";

function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash === -1) return NAME.test(key);
  return PREFIX.test(key.slice(0, slash)) && NAME.test(key.slice(slash + 1));
}

function parseEffect(text: string, effect: string): V1Toleration['effect'] | 'Exists' {
  if (effect === 'Exists') return effect;
  if ((TAINT_EFFECTS as readonly string[]).includes(effect)) return effect;
  throw new UsageError(
    `Invalid --toleration '${text}': unknown effect '${effect}'. Expected one of ${TAINT_EFFECTS.join(', ')}.`,
  );
}

/**
 * Parses one `--toleration`: `key` or `key:Exists` (any value), `key=value` (that value), each with an
 * optional `:effect` (NoSchedule, PreferNoSchedule, NoExecute; none = every effect); `*` tolerates all.
 */
export function parseToleration(text: string): V1Toleration {
  const trimmed = text.trim();
  if (trimmed === '*') return { operator: 'Exists' };
  const colon = trimmed.lastIndexOf(':');
  const effect = colon === -1 ? undefined : parseEffect(text, trimmed.slice(colon + 1));
  const keyValue = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const equals = keyValue.indexOf('=');
  const key = equals === -1 ? keyValue : keyValue.slice(0, equals);
  const value = equals === -1 ? undefined : keyValue.slice(equals + 1);
  if (!isLabelKey(key))
    throw new UsageError(`Invalid --toleration '${text}': bad key '${key}'. ${FORMAT_HINT}`);
  if (value !== undefined && !VALUE.test(value)) {
    throw new UsageError(`Invalid --toleration '${text}': bad value '${value}'. ${FORMAT_HINT}`);
  }
  const toleration: V1Toleration =
    value === undefined ? { key, operator: 'Exists' } : { key, operator: 'Equal', value };
  if (effect !== undefined && effect !== 'Exists') toleration.effect = effect;
  return toleration;
}

/** Parses every `--toleration` string. */
export function parseTolerations(texts: readonly string[]): V1Toleration[] {
  return texts.map(parseToleration);
}

/** Kubernetes' matching rule: same effect (or none given), same key (or none with Exists), same value for Equal. */
export function toleratesTaint(toleration: V1Toleration, taint: V1Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined || toleration.key === '') return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The node's taints that would keep our pods off it (NoSchedule / NoExecute not tolerated). */
export function blockingTaints(taints: readonly V1Taint[], tolerations: readonly V1Toleration[]): V1Taint[] {
  return taints.filter(
    (taint) =>
      BLOCKING_EFFECTS.has(taint.effect) &&
      !tolerations.some((toleration) => toleratesTaint(toleration, taint)),
  );
}

/** A taint as kubectl writes it: `key=value:Effect`. */
export function formatTaint(taint: V1Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
