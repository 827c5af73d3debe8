import type { FleetConfig } from '../config/fleet-config.js';
import { DEFAULT_LOCAL_NODES } from '../config/fleet-config.js';
import type { RunConfig } from '../config/run-config.js';
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
 * The fleet target the config names, created (not yet prepared), imported lazily like the single-pair
 * targets.
 */
export async function createFleetTarget(
  config: FleetConfig,
  log: (line: string) => void,
): Promise<FleetTarget> {
  switch (config.target) {
    case 'local': {
      const { createLocalFleetTarget } = await import('./local/fleet-target.js');
      const { parseNodeSetups } = await import('./local/fleet-setup.js');
      const nodes = config.nodes ?? DEFAULT_LOCAL_NODES;
      return createLocalFleetTarget(
        { nodes, nodeSetup: parseNodeSetups(config.localNodeSetups, nodes), reference: config.reference },
        { log },
      );
    }
    case 'kubernetes': {
      const { createKubernetesFleetTarget } = await import('./kubernetes/fleet-target.js');
      return createKubernetesFleetTarget(
        {
          ...config.kubernetes,
          hostNetworkReference: config.reference,
          ...(config.nodes !== undefined ? { nodes: config.nodes } : {}),
        },
        { log },
      );
    }
  }
}
