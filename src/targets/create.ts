import type { RunConfig } from '../config/run-config.js';
import type { Target } from './target.js';

/**
 * The target the config names, created (not yet prepared). Each target is imported only when it is
 * used: the Kubernetes client is most of the bundle and must not slow down local runs or usage errors.
 */
export async function createTarget(config: RunConfig, log: (line: string) => void): Promise<Target> {
  switch (config.target) {
    case 'local': {
      const { createLocalTarget } = await import('./local/local-target.js');
      return createLocalTarget({ ...config.local, reference: config.reference }, { log });
    }
    case 'kubernetes': {
      const { createKubernetesTarget } = await import('./kubernetes/kubernetes-target.js');
      return createKubernetesTarget(
        { ...config.kubernetes, hostNetworkReference: config.reference },
        { log },
      );
    }
  }
}
