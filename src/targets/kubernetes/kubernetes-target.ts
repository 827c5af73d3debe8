import type { KubernetesSettings } from '../../config/run-config.js';
import { UsageError } from '../../util/errors.js';
import type { Target } from '../target.js';

/** Placeholder until the Kubernetes target lands (issue: Kubernetes target). */
export function createKubernetesTarget(
  _settings: KubernetesSettings,
  _deps: { log: (line: string) => void },
): Target {
  throw new UsageError('the kubernetes target is not available in this version yet; use --target local');
}
