/** The kubeconfig that points kubectl and @kubernetes/client-node at a simulator. */

/** Cluster, user and context name in the kubeconfig. */
export const KUBECONFIG_NAME = 'kube-sim';

/**
 * Kubeconfig YAML for `url`. `insecure-skip-tls-verify: true` because @kubernetes/client-node refuses a
 * plain `http://` server otherwise; kubectl takes it as is. The token is only checked with RBAC on
 * (`kube-sim` is then the superuser's).
 */
export function kubeconfigText(url: string, namespace = 'default', token = 'kube-sim'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${KUBECONFIG_NAME}`,
    '  cluster:',
    `    server: ${url}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${KUBECONFIG_NAME}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${KUBECONFIG_NAME}`,
    '  context:',
    `    cluster: ${KUBECONFIG_NAME}`,
    `    user: ${KUBECONFIG_NAME}`,
    `    namespace: ${namespace}`,
    `current-context: ${KUBECONFIG_NAME}`,
    '',
  ].join('\n');
}
