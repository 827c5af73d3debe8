/** What the main step saves for the post step to delete: one versioned, validated format. */
import { z } from 'zod';
import type { KubernetesSettings } from '../config/run-config.js';
import type { CreatedResources } from '../targets/kubernetes/run-state.js';

/** Bumped when a field changes meaning. */
export const CLEANUP_STATE_VERSION = 1;

const cleanupStateSchema = z.strictObject({
  version: z.literal(CLEANUP_STATE_VERSION),
  kubeconfigPath: z.string().optional(),
  context: z.string().optional(),
  /** Whether the run was asked to use an existing namespace (then only its pods are deleted). */
  namespaceGiven: z.boolean(),
  /**
   * `started`: saved when the target was created; the pods may not be listed yet, so the post step
   * also deletes the pods carrying the run's label. `finished`: saved after the target's own cleanup;
   * the record is exact.
   */
  phase: z.enum(['started', 'finished']),
  resources: z.strictObject({
    runId: z.string(),
    namespace: z.string(),
    namespaceCreated: z.boolean(),
    pods: z.array(z.string()),
  }),
});

/** The post step's instructions. */
export type KubernetesCleanupState = z.infer<typeof cleanupStateSchema>;

/**
 * The state to save. When the target was just created (`started`), the namespace counts as created if
 * the run makes its own (the target too records it before the create is sent), so that a main step
 * killed at any moment leaves the post step enough to delete; deleting what does not exist is fine.
 */
export function cleanupStateFor(
  settings: Pick<KubernetesSettings, 'kubeconfigPath' | 'context' | 'namespace'>,
  resources: CreatedResources,
  phase: KubernetesCleanupState['phase'],
): KubernetesCleanupState {
  const namespaceGiven = settings.namespace !== undefined;
  const expectNamespace = phase === 'started' && !namespaceGiven;
  return {
    version: CLEANUP_STATE_VERSION,
    ...(settings.kubeconfigPath !== undefined ? { kubeconfigPath: settings.kubeconfigPath } : {}),
    ...(settings.context !== undefined ? { context: settings.context } : {}),
    namespaceGiven,
    phase,
    resources: {
      ...resources,
      namespaceCreated: resources.namespaceCreated || expectNamespace,
      pods: [...resources.pods],
    },
  };
}

/** True when the state asks for nothing to be deleted (the main step cleaned up after itself). */
export function nothingToDelete(state: KubernetesCleanupState): boolean {
  const { resources } = state;
  return state.phase === 'finished' && !resources.namespaceCreated && resources.pods.length === 0;
}

/** Parses saved state; throws a one-line Error when it is not ours. */
export function parseCleanupState(text: string): KubernetesCleanupState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the saved cleanup state is not JSON');
  }
  const parsed = cleanupStateSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `the saved cleanup state is not understood: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
