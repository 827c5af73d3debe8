/** Node placement on real clusters: free CPU, control-plane nodes, zones (pure parts). */
import { readFileSync } from 'node:fs';
import type { V1Node, V1NodeList, V1PodList } from '@kubernetes/client-node';
import { parseInputs } from '../../src/action/inputs.js';
import { reproduceCommands } from '../../src/action/reproduce.js';
import { toRunConfig } from '../../src/cli/run-flags.js';
import { diffEnvironments } from '../../src/compare/environment.js';
import { nodeFingerprint } from '../../src/targets/kubernetes/fingerprint.js';
import { chooseNodes, type NodeChoiceInput } from '../../src/targets/kubernetes/node-choice.js';
import { requestedMillisByNode } from '../../src/targets/kubernetes/node-cpu.js';
import { isControlPlane, zoneWarning } from '../../src/targets/kubernetes/node-roles.js';
import { describeKubernetesSettings, normaliseSettings } from '../../src/targets/kubernetes/settings.js';
import { parseTolerations } from '../../src/targets/kubernetes/tolerations.js';
import { resultsWith } from '../helpers/results-builder.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kubernetes/${file}`, import.meta.url), 'utf8')) as T;
}

const KIND = fixture<V1NodeList>('nodes-kind.json').items;
const KIND_PODS = fixture<V1PodList>('pods-all-namespaces-kind.json').items;

/** A Ready worker with `cpu` allocatable and extra labels. */
function node(name: string, cpu: string, labels: Record<string, string> = {}): V1Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: {},
    status: { allocatable: { cpu }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

describe('node choice by free CPU', () => {
  const base: NodeChoiceInput = {
    nodes: [node('perf-1', '32'), node('perf-2', '32'), node('perf-3', '32')],
    selector: [],
    tolerations: [],
    needMillis: 32_000,
    needText: '32 CPUs (for tcp_stream_32)',
    requestedMillis: new Map([['perf-1', 1_000]]),
  };
  const names = (input: NodeChoiceInput) => {
    const choice = chooseNodes(input);
    return [choice.client.metadata?.name, choice.server.metadata?.name];
  };

  it('passes over a node whose DaemonSet pods hold CPU for one that has it free, and says why', () => {
    const choice = chooseNodes(base);
    expect(names(base)).toEqual(['perf-2', 'perf-3']);
    expect(choice.excluded).toEqual(['not chosen: perf-1 (31 free of 32 allocatable < 32 needed)']);
    expect(choice.why).toContain('≥ 32 free CPUs');
  });

  it('says before creating anything that no node has the CPU free, with each one’s free CPU', () => {
    const busy = new Map([
      ['perf-1', 1_000],
      ['perf-2', 100],
      ['perf-3', 2_500],
    ]);
    expect(() => chooseNodes({ ...base, requestedMillis: busy })).toThrow(
      'Each node needs 32 CPUs (for tcp_stream_32) free; CPUs: perf-1 31 free of 32 allocatable, perf-2 31.9 free of 32 allocatable, perf-3 29.5 free of 32 allocatable. Use bigger nodes, free CPU on them or leave out the largest scenarios (--scenarios).',
    );
  });

  it('checks a named node against its free CPU too', () => {
    expect(() => chooseNodes({ ...base, clientNode: 'perf-1' })).toThrow('perf-1 31 free of 32 allocatable');
  });

  it('compares allocatable CPU when what pods request is unknown', () => {
    expect(names({ ...base, requestedMillis: undefined })).toEqual(['perf-1', 'perf-2']);
    expect(chooseNodes({ ...base, requestedMillis: undefined }).why).toContain('≥ 32 allocatable CPUs');
  });

  it('on the kind fixture, sees the control plane as busy and the workers as partly used', () => {
    const input = {
      ...base,
      nodes: KIND,
      requestedMillis: requestedMillisByNode(KIND_PODS),
      needMillis: 5_000,
    };
    expect(() => chooseNodes(input)).toThrow(
      'kind-worker 6.4 free of 8 allocatable, kind-worker2 4.9 free of 8 allocatable',
    );
    expect(names({ ...input, needMillis: 4_900 })).toEqual(['kind-worker', 'kind-worker2']);
  });
});

describe('control-plane nodes', () => {
  const plain = node('a-cp', '64');
  const labelled = node('a-cp', '64', { 'node-role.kubernetes.io/control-plane': '' });
  const legacy = node('a-cp', '64', { 'node-role.kubernetes.io/master': '' });
  const tainted: V1Node = {
    ...plain,
    spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  };

  it.each([
    ['the role label', labelled, true],
    ['the legacy master label', legacy, true],
    ['the control-plane taint', tainted, true],
    ['neither', plain, false],
  ])('are known by %s', (_, given, expected) => {
    expect(isControlPlane(given)).toBe(expected);
  });

  const workers = [node('w-1', '32'), node('w-2', '32')];
  const input = (cp: V1Node, more: Partial<NodeChoiceInput> = {}): NodeChoiceInput => ({
    nodes: [cp, ...workers],
    selector: [],
    tolerations: parseTolerations(['node-role.kubernetes.io/control-plane:NoSchedule']),
    needMillis: 1_000,
    needText: '1 CPU',
    requestedMillis: new Map(),
    ...more,
  });

  it.each([labelled, legacy, tainted])(
    'are not chosen automatically even when their taint is tolerated (%#)',
    (cp) => {
      const choice = chooseNodes(input(cp));
      expect([choice.client.metadata?.name, choice.server.metadata?.name]).toEqual(['w-1', 'w-2']);
      expect(choice.excluded).toEqual([
        'not chosen: a-cp (control-plane node: add --allow-control-plane to use it)',
      ]);
    },
  );

  it('are chosen with --allow-control-plane, or when named', () => {
    expect(chooseNodes(input(labelled, { allowControlPlane: true })).client.metadata?.name).toBe('a-cp');
    expect(chooseNodes(input(labelled, { serverNode: 'a-cp' })).server.metadata?.name).toBe('a-cp');
  });

  it('with --allow-control-plane still need their taint tolerated', () => {
    const choice = chooseNodes(input(tainted, { allowControlPlane: true, tolerations: [] }));
    expect(choice.client.metadata?.name).toBe('w-1');
    expect(choice.excluded[0]).toContain('add --toleration node-role.kubernetes.io/control-plane:NoSchedule');
  });

  it('--allow-control-plane flows from the CLI flag and the action input to the settings and the results', () => {
    const flags = { target: 'kubernetes', toleration: [], image: 'img', reference: true, out: 'o.json' };
    expect(toRunConfig({ ...flags, allowControlPlane: true }).kubernetes.allowControlPlane).toBe(true);
    expect(toRunConfig(flags).kubernetes.allowControlPlane).toBeUndefined();
    const inputs: Record<string, string> = { 'allow-control-plane': 'true' };
    const settings = parseInputs((name) => inputs[name] ?? '');
    expect(settings.run.kubernetes.allowControlPlane).toBe(true);
    const [command] = reproduceCommands(settings, { kind: 'file', path: 'base.json' }).filter((line) =>
      line.includes('--allow-control-plane'),
    );
    expect(command).toMatch(/ gate --target kubernetes .*--allow-control-plane/);
    expect(parseInputs(() => '').run.kubernetes.allowControlPlane).toBeUndefined();
    const given = { tolerations: [], image: 'img', hostNetworkReference: false, allowControlPlane: true };
    expect(normaliseSettings(given).allowControlPlane).toBe(true);
    expect(describeKubernetesSettings(given).kubeAllowControlPlane).toBe('yes');
  });
});

describe('zones', () => {
  const zoned = (name: string, zone: string) => node(name, '32', { 'topology.kubernetes.io/zone': zone });

  it('warns in one line when client and server are in different zones', () => {
    expect(zoneWarning(zoned('w-1', 'eu-1a'), zoned('w-2', 'eu-1b'))).toBe(
      'warning: client and server nodes are in different zones, w-1 (eu-1a) and w-2 (eu-1b): results include the path between zones and are not comparable with same-zone runs; pick nodes with --client-node/--server-node or --node-selector topology.kubernetes.io/zone=eu-1a',
    );
    expect(zoneWarning(zoned('w-1', 'eu-1a'), zoned('w-2', 'eu-1a'))).toBeUndefined();
    expect(zoneWarning(node('w-1', '32'), zoned('w-2', 'eu-1a'))).toBeUndefined();
  });

  it('records the zone in the node fingerprint when the node has one, so the environment diff shows it', () => {
    expect(nodeFingerprint(zoned('w-1', 'eu-1a')).details.zone).toBe('eu-1a');
    expect(nodeFingerprint(node('w-1', '32')).details).not.toHaveProperty('zone');
    const ranOn = (zone: string) => {
      const results = resultsWith([]);
      results.environment.server = nodeFingerprint(zoned('w-2', zone));
      return results;
    };
    expect(diffEnvironments(ranOn('eu-1a'), ranOn('eu-1b'))).toEqual([
      { field: 'server zone', baseline: 'eu-1a', current: 'eu-1b' },
    ]);
  });
});
