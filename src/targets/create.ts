import type { RunConfig } from '../config/run-config.js';
import type { Target } from './target.js';

/** Said once when --host-network-reference is given for the local target, which has no host network. */
export const LOCAL_REFERENCE_WARNING =
  '--host-network-reference is ignored on the local target (it has no host network); use it with --target kubernetes';

/**
 * The target the config names, created (not yet prepared). Each target is imported only when it is
 * used: the Kubernetes client is most of the bundle and must not slow down local runs or usage errors.
 */
export async function createTarget(config: RunConfig, log: (line: string) => void): Promise<Target> {
  switch (config.target) {
    case 'local': {
      if (config.kubernetes.hostNetworkReference) log(LOCAL_REFERENCE_WARNING);
      const { createLocalTarget } = await import('./local/local-target.js');
      return createLocalTarget(config.local, { log });
    }
    case 'kubernetes': {
      const { createKubernetesTarget } = await import('./kubernetes/kubernetes-target.js');
      return createKubernetesTarget(config.kubernetes, { log });
    }
  }
}
