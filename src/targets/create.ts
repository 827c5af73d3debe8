import type { FleetConfig } from '../config/fleet-config.js';
import type { RunConfig } from '../config/run-config.js';
import { InfraError } from '../util/errors.js';
import type { FleetTarget, Target } from './target.js';

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

/**
 * The fleet target the config names, created (not yet prepared). Placeholder until the local and
 * Kubernetes fleet targets (targets/local/fleet-target.ts, targets/kubernetes/fleet-target.ts) are
 * wired here; imported lazily like the single-pair targets.
 */
export async function createFleetTarget(
  config: FleetConfig,
  _log: (line: string) => void,
): Promise<FleetTarget> {
  throw new InfraError(
    `the ${config.target} fleet target is not built into this netperf-gate yet; use a build that includes it`,
  );
}
