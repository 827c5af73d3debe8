/**
 * The Kubernetes target's settings: normalised, and described for the results. Pure and light (no
 * client-node), so the runner can record them without loading the Kubernetes client.
 */
import type { KubernetesSettings } from '../../config/run-config.js';

/** Trims the settings; a blank one (an unset action input arrives as '') counts as not set. */
export function normaliseSettings(settings: KubernetesSettings): KubernetesSettings {
  const clean = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const optional = [
    'kubeconfigPath',
    'context',
    'namespace',
    'clientNode',
    'serverNode',
    'nodeSelector',
  ] as const;
  const normalised: KubernetesSettings = {
    tolerations: settings.tolerations.map((text) => text.trim()).filter((text) => text !== ''),
    image: settings.image.trim(),
    hostNetworkReference: settings.hostNetworkReference,
    ...(settings.ipFamily !== undefined ? { ipFamily: settings.ipFamily } : {}),
  };
  for (const key of optional) {
    const value = clean(settings[key]);
    if (value !== undefined) normalised[key] = value;
  }
  if (settings.allowControlPlane === true) normalised.allowControlPlane = true;
  return normalised;
}

/**
 * The settings that shaped a Kubernetes measurement, as recorded in the results (`target.settings`).
 * The kubeconfig is named by its path only, never by its content; what was left to the defaults is
 * said so, so that two results files show how their runs were set up.
 */
export function describeKubernetesSettings(given: KubernetesSettings): Record<string, string> {
  const settings = normaliseSettings(given);
  const described: Record<string, string> = {
    kubeconfig: settings.kubeconfigPath ?? 'default (KUBECONFIG, ~/.kube/config or in-cluster)',
    kubeContext: settings.context ?? 'current',
    kubeNamespace: settings.namespace === undefined ? 'one per run' : `given: ${settings.namespace}`,
    kubeClientNode: settings.clientNode ?? 'chosen',
    kubeServerNode: settings.serverNode ?? 'chosen',
    kubeImage: settings.image,
    kubeHostNetworkReference: settings.hostNetworkReference ? 'on' : 'off',
  };
  if (settings.nodeSelector !== undefined) described.kubeNodeSelector = settings.nodeSelector;
  // Absent: the cluster's first family (what the fingerprint's pod addresses show).
  if (settings.ipFamily !== undefined) described.kubeIpFamily = settings.ipFamily;
  if (settings.tolerations.length > 0) described.kubeTolerations = settings.tolerations.join(', ');
  if (settings.allowControlPlane === true) described.kubeAllowControlPlane = 'yes';
  return described;
}
