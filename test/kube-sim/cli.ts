/** `npm run kube-sim -- …`: flags to options, start, print where it listens, stop cleanly on SIGINT/SIGTERM. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CPU_MANAGER_POLICIES, type CpuManagerPolicy } from './cpu-manager.js';
import { type FaultInput, parseFaultSpec } from './faults.js';
import { type KubeSimOptions, startKubeSim } from './index.js';
import { SIM_IP_FAMILIES, type SimIpFamily } from './network.js';
import type { SimNodeConfig } from './nodes.js';
import { cpuMilli } from './quantity.js';
import type { Taint } from './types.js';

/** Usage text of the command. */
export const USAGE = `Usage: npm run kube-sim -- [options]
  --nodes N                 number of nodes sim-node-1..N (default 2)
  --port P                  port on 127.0.0.1 (default 0: any free port)
  --kubeconfig-out FILE     write a kubeconfig for kubectl / client-node
  --audit-log FILE          append every request as a JSON line
  --node-cpu C[,C...]       CPU capacity per node, one value for all or one per node (default 32)
  --requested-cpu C[,C...]  CPU already requested on each worker (one for all or one per node), held by
                            a Running pod kube-system/sim-reserved-<node> like a DaemonSet's, e.g. 1,0,2500m
  --zones Z[,Z...]          topology.kubernetes.io/zone label per node (one for all or one per node)
  --control-plane           add node sim-control-plane (8 CPUs), labelled and tainted
                            node-role.kubernetes.io/control-plane:NoSchedule, before the workers
  --cpu-manager P[,P...]    kubelet CPU manager policy none|static, one for all or one per node (default static)
  --ip-family F             ipv4 (default), ipv6, dual or dual-ipv6-first: pod and node IP families
  --taint NODE=KEY[=VALUE]:EFFECT   taint a node (repeatable), e.g. sim-node-1=dedicated=infra:NoSchedule
  --fault KIND:key=value,...        start with a fault (repeatable), e.g.
        api-error:verb=create,resource=pods,code=500,times=1
        api-error:verb=list,resource=nodes,code=429,retryAfterSeconds=2,times=1
        pod-state:state=ImagePullBackOff,name=netserver-*
        exec-drop:afterMs=500,mode=reset,times=1
        node-not-ready:node=sim-node-2
  --crash-backoff-ms MS     first CrashLoopBackOff delay (default 10000)
  --image-pull-backoff-ms MS  ErrImagePull → ImagePullBackOff delay (default 2000)
  --rbac FILE               enforce RBAC with these manifests (Roles, bindings, ServiceAccounts, Namespaces)
  --rbac-user NAME          user of the written kubeconfig (default: the manifests' first ServiceAccount)
Faults can also be changed at runtime: POST/GET/DELETE http://127.0.0.1:P/sim/faults (see README.md).`;

/** Parses `NODE=KEY[=VALUE]:EFFECT`. */
export function parseTaint(spec: string): { node: string; taint: Taint } {
  const match = /^([^=]+)=([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(spec);
  if (!match)
    throw new Error(
      `Invalid taint '${spec}'. Expected NODE=KEY[=VALUE]:NoSchedule|PreferNoSchedule|NoExecute.`,
    );
  const [, node = '', key = '', value, effect] = match;
  return {
    node,
    taint: { key, ...(value !== undefined ? { value } : {}), effect: effect as Taint['effect'] },
  };
}

function isQuantity(text: string): boolean {
  return (cpuMilli(text) ?? -1) >= 0;
}

/** `A` (for every node) or `A,B,…` (one per node) as one value per node; [] when the flag is absent. */
export function perNode(
  flag: string,
  text: string | undefined,
  count: number,
  valid: (value: string) => boolean,
): (string | undefined)[] {
  if (text === undefined) return [];
  const values = text.split(',').map((value) => value.trim());
  const bad = values.find((value) => !valid(value));
  if (bad !== undefined) throw new Error(`Invalid ${flag} '${text}': '${bad}' is not a valid value.`);
  if (values.length !== 1 && values.length !== count)
    throw new Error(`Invalid ${flag} '${text}': expected one value or ${count} (one per node).`);
  return Array.from({ length: count }, (_, i) => (values.length === 1 ? values[0] : values[i]));
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`Invalid ${name} '${text}'. Expected a whole number.`);
  return value;
}

/** `--rbac FILE [--rbac-user NAME]` as the `rbac` option (the file is read here). */
function rbacOptions(file: string | undefined, user: string | undefined): Pick<KubeSimOptions, 'rbac'> {
  if (file === undefined) {
    if (user !== undefined) throw new Error('--rbac-user needs --rbac FILE.');
    return {};
  }
  let manifests: string;
  try {
    manifests = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read --rbac '${file}': ${(error as Error).message}`);
  }
  return { rbac: { manifests, ...(user !== undefined ? { user } : {}) } };
}

/** `--cpu-manager P[,P…]`: one policy for every node or one per node. */
function addCpuManagerPolicies(nodes: SimNodeConfig[], text: string | undefined): void {
  if (text === undefined) return;
  const policies = text.split(',').map((policy) => {
    if (!CPU_MANAGER_POLICIES.includes(policy as CpuManagerPolicy))
      throw new Error(`Invalid --cpu-manager '${policy}'. Expected ${CPU_MANAGER_POLICIES.join(' or ')}.`);
    return policy as CpuManagerPolicy;
  });
  if (policies.length !== 1 && policies.length !== nodes.length)
    throw new Error(
      `Invalid --cpu-manager '${text}'. Expected one policy or one per node (${nodes.length}).`,
    );
  for (const [i, node] of nodes.entries()) node.cpuManager = policies[policies.length === 1 ? 0 : i];
}

function parseIpFamily(text: string): SimIpFamily {
  const family = SIM_IP_FAMILIES.find((each) => each === text);
  if (family === undefined)
    throw new Error(`Invalid --ip-family '${text}'. Expected ${SIM_IP_FAMILIES.join(', ')}.`);
  return family;
}

/** Turns the command line into simulator options (throws one line on a bad flag). */
export function optionsFromArgs(args: string[]): KubeSimOptions & { help: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      nodes: { type: 'string' },
      port: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      'audit-log': { type: 'string' },
      'node-cpu': { type: 'string' },
      'requested-cpu': { type: 'string' },
      zones: { type: 'string' },
      'control-plane': { type: 'boolean' },
      'cpu-manager': { type: 'string' },
      'ip-family': { type: 'string' },
      taint: { type: 'string', multiple: true },
      fault: { type: 'string', multiple: true },
      'crash-backoff-ms': { type: 'string' },
      'image-pull-backoff-ms': { type: 'string' },
      rbac: { type: 'string' },
      'rbac-user': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const count = positiveInt('--nodes', values.nodes, 2);
  const cpus = perNode('--node-cpu', values['node-cpu'], count, isQuantity);
  const requested = perNode('--requested-cpu', values['requested-cpu'], count, isQuantity);
  const zones = perNode('--zones', values.zones, count, (zone) => /^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(zone));
  const nodes: SimNodeConfig[] = Array.from({ length: count }, (_, i) => {
    const config: SimNodeConfig = {};
    if (cpus[i] !== undefined) config.cpu = cpus[i];
    if (requested[i] !== undefined && cpuMilli(requested[i]) !== 0) config.requestedCpu = requested[i];
    if (zones[i] !== undefined) config.zone = zones[i];
    return config;
  });
  addCpuManagerPolicies(nodes, values['cpu-manager']);
  for (const spec of values.taint ?? []) {
    const { node, taint } = parseTaint(spec);
    const index = Number(/^sim-node-(\d+)$/.exec(node)?.[1] ?? 0) - 1;
    const config = nodes[index];
    if (!config) throw new Error(`Invalid taint '${spec}': there is no node ${node}.`);
    config.taints = [...(config.taints ?? []), taint];
  }
  const faults: FaultInput[] = (values.fault ?? []).map(parseFaultSpec);
  return {
    help: values.help ?? false,
    nodes,
    ...(values['control-plane'] ? { controlPlane: true } : {}),
    port: positiveInt('--port', values.port, 0),
    ...(values['kubeconfig-out'] ? { kubeconfigPath: values['kubeconfig-out'] } : {}),
    ...(values['audit-log'] ? { auditLogPath: values['audit-log'] } : {}),
    faults,
    crashBackoffMs: positiveInt('--crash-backoff-ms', values['crash-backoff-ms'], 10_000),
    imagePullBackoffMs: positiveInt('--image-pull-backoff-ms', values['image-pull-backoff-ms'], 2_000),
    ...rbacOptions(values.rbac, values['rbac-user']),
    ...(values['ip-family'] !== undefined ? { ipFamily: parseIpFamily(values['ip-family']) } : {}),
  };
}

/** Runs the simulator until SIGINT/SIGTERM; returns the exit code. */
export async function runCli(args: string[]): Promise<number> {
  let options: ReturnType<typeof optionsFromArgs>;
  try {
    options = optionsFromArgs(args);
  } catch (error) {
    console.error(`kube-sim: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  let sim: Awaited<ReturnType<typeof startKubeSim>>;
  try {
    sim = await startKubeSim(options);
  } catch (error) {
    console.error(`kube-sim: could not start: ${(error as Error).message}`);
    return 1;
  }
  console.log(`kube-sim: listening on ${sim.url} with nodes ${sim.nodeNames.join(', ')}`);
  if (sim.kubeconfigPath) console.log(`kube-sim: kubeconfig written to ${sim.kubeconfigPath}`);
  if (sim.rbac) {
    console.log(`kube-sim: RBAC enforced; the kubeconfig authenticates as ${sim.rbac.user}`);
    console.log(`kube-sim: superuser (system:masters) token: ${sim.adminToken}`);
  }
  console.log('kube-sim: press Ctrl-C to stop (everything it created is removed)');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  console.log('kube-sim: stopped, namespaces and processes removed');
  return 0;
}
