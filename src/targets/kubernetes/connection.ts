/** Loading the kubeconfig, choosing its context, and turning API failures into one-line errors. */
import { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import { formatError, InfraError, UsageError } from '../../util/errors.js';
import { describeApiFailure, readApiFailure } from './api-errors.js';
import type { KubeApi } from './kube-api.js';
import { describeRefusal, readRefusal } from './refusals.js';

/** Where client-node points when it finds no kubeconfig at all. */
const NO_CONFIG_FALLBACK = 'http://localhost:8080';

/**
 * The kubeconfig: the file given, else client-node's defaults (KUBECONFIG, ~/.kube/config, in-cluster
 * service account), switched to `settings.context` when given.
 */
export function loadKubeConfig(settings: Pick<KubernetesSettings, 'kubeconfigPath' | 'context'>): KubeConfig {
  const config = new KubeConfig();
  try {
    if (settings.kubeconfigPath !== undefined) config.loadFromFile(settings.kubeconfigPath);
    else config.loadFromDefault();
  } catch (error) {
    const source =
      settings.kubeconfigPath === undefined ? 'the default kubeconfig' : `'${settings.kubeconfigPath}'`;
    throw new UsageError(
      `Cannot load ${source}: ${formatError(error)}. Pass a readable kubeconfig with --kubeconfig.`,
    );
  }
  if (settings.context !== undefined) {
    const names = config.getContexts().map((context) => context.name);
    if (!names.includes(settings.context)) {
      throw new UsageError(
        `Unknown --context '${settings.context}'. Contexts in the kubeconfig: ${names.join(', ') || 'none'}.`,
      );
    }
    config.setCurrentContext(settings.context);
  }
  if (config.getCurrentCluster() === null) {
    throw new UsageError(
      `The kubeconfig's context '${config.getCurrentContext()}' names no cluster. Fix current-context or pass --context.`,
    );
  }
  return config;
}

/**
 * An error for people from a failed call: what we were doing, what the server said, what to check.
 * Network failures name the server URL; 401 points at credentials; a refusal is named for what
 * refused it (RBAC, Pod Security, an admission webhook or policy, the service-account race).
 */
export function explainApiError(doing: string, error: unknown, server: string): Error {
  if (error instanceof InfraError || error instanceof UsageError) return error;
  const failure = readApiFailure(error);
  const said = describeApiFailure(failure);
  if (failure.status === undefined) {
    const hint =
      server === NO_CONFIG_FALLBACK
        ? 'no kubeconfig was found (KUBECONFIG, ~/.kube/config, in-cluster): pass --kubeconfig'
        : "check the kubeconfig's server address, that this machine can reach it (network, VPN, firewall) and that the cluster is up";
    return new InfraError(`Cannot reach the Kubernetes API at ${server} while ${doing} (${said}): ${hint}`);
  }
  if (failure.status === 401) {
    return new InfraError(
      `The Kubernetes API at ${server} rejected the credentials while ${doing} (${said}): check the kubeconfig's user (an expired token?)`,
    );
  }
  const refusal = readRefusal(failure);
  if (refusal !== undefined) return new InfraError(describeRefusal(refusal, doing, server));
  return new InfraError(
    `The Kubernetes API at ${server} failed while ${doing} (${said}): check the cluster and run again`,
  );
}

/** Runs one step, rethrowing its failure as {@link explainApiError}. */
export async function step<T>(
  api: Pick<KubeApi, 'server'>,
  doing: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainApiError(doing, error, api.server);
  }
}
