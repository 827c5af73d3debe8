/** `doctor`'s pure parts: the scenario it measures, reading a pod's self-report, the checklist and its exit code. */
import { doctorExitCode, doctorScenario, formatDoctor } from '../../src/run/doctor-command.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { accessChecks, describeNeed, requiredAccess } from '../../src/targets/kubernetes/doctor-access.js';
import {
  cpuCheck,
  type PodFacts,
  parseInspection,
  userCheck,
} from '../../src/targets/kubernetes/doctor-pods.js';
import type { KubeProfile } from '../../src/targets/kubernetes/profiles.js';
import type { DoctorCheck } from '../../src/targets/target.js';
import { EXIT_INFRA, EXIT_OK } from '../../src/util/errors.js';

const both = { netperf: true, netserver: true };

function facts(role: 'server' | 'client', over: Partial<PodFacts> = {}): PodFacts {
  return {
    role,
    pod: `pod-${role}`,
    qosClass: 'Guaranteed',
    uid: 65534,
    allowedCpus: 1,
    programs: both,
    ...over,
  };
}

const oneCpu: KubeProfile = { cpus: 1, key: 'c1', scenarioNames: ['tcp_rr_1cpu'], hostNetworkPort: 12867 };

describe('doctorScenario', () => {
  it('measures 1 s of one TCP_RR in the smallest sized pods of the suite', () => {
    const scenario = doctorScenario(defaultSuite().scenarios);
    expect(scenario).toMatchObject({
      test: 'TCP_RR',
      cpus: 1,
      concurrency: 1,
      durationSeconds: 1,
      samples: 1,
    });
  });

  it('uses unlimited pods when no scenario is sized', () => {
    const [first] = defaultSuite().scenarios;
    if (first === undefined) throw new Error('empty default suite');
    expect(doctorScenario([{ ...first, cpus: null }]).cpus).toBeNull();
  });
});

describe('parseInspection', () => {
  it('reads uid, the allowed CPUs and which programs are on PATH', () => {
    const stdout = '65534\nCpus_allowed_list:\t2-3,6\nnetperf=/usr/bin/netperf\nnetserver=\n';
    expect(parseInspection('client', 'p', 'Burstable', stdout)).toEqual({
      role: 'client',
      pod: 'p',
      qosClass: 'Burstable',
      uid: 65534,
      allowedCpus: 3,
      programs: { netperf: true, netserver: false },
    });
  });

  it('leaves what it cannot read undefined', () => {
    expect(parseInspection('server', 'p', '', 'sh: id: not found\n\n')).toMatchObject({
      qosClass: 'unknown',
      uid: undefined,
      allowedCpus: undefined,
    });
  });
});

describe('userCheck', () => {
  it('passes non-root containers with both programs', () => {
    expect(userCheck([facts('server'), facts('client')]).status).toBe('pass');
  });

  it('fails a container running as root', () => {
    const check = userCheck([facts('server', { uid: 0 }), facts('client')]);
    expect(check).toMatchObject({ status: 'fail' });
    expect(check.detail).toContain('server container runs as root');
  });

  it('fails when a program is missing from the image', () => {
    const check = userCheck([
      facts('server', { programs: { netperf: true, netserver: false } }),
      facts('client'),
    ]);
    expect(check.detail).toContain('netserver in the server pod');
  });
});

describe('cpuCheck', () => {
  it('passes Guaranteed pods allowed exactly their cores', () => {
    expect(cpuCheck([facts('server'), facts('client')], oneCpu).status).toBe('pass');
  });

  it('warns when a 1-CPU pod may run on every core (CPU manager none)', () => {
    const check = cpuCheck([facts('server', { allowedCpus: 4 }), facts('client')], oneCpu);
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('may run on 4 CPUs for 1 requested');
    expect(check.fix).toContain('cpuManagerPolicy: static');
  });

  it('warns when a sidecar made the pod Burstable', () => {
    expect(cpuCheck([facts('server', { qosClass: 'Burstable' }), facts('client')], oneCpu).detail).toContain(
      'is Burstable, not Guaranteed',
    );
  });

  it('skips without a sized profile', () => {
    expect(cpuCheck([facts('server')], { ...oneCpu, cpus: null }).status).toBe('skip');
  });
});

describe('requiredAccess', () => {
  it('asks to create and delete the run namespace only when the run makes one', () => {
    const perRun = requiredAccess('netperf-gate-r1', true).map(describeNeed);
    expect(perRun).toContain('create namespaces netperf-gate-r1 (cluster)');
    expect(perRun).toContain('create pods/exec in netperf-gate-r1');
    const given = requiredAccess('ci', false).map(describeNeed);
    expect(given).not.toContain('create namespaces ci (cluster)');
    expect(given).toContain('get namespaces ci (cluster)');
  });

  it('fails on a missing required permission and only warns on optional ones', () => {
    const needs = requiredAccess('ci', false);
    const answers = needs.map((need) => ({
      need,
      allowed: !(need.verb === 'create' && need.resource === 'pods/exec') && !need.optional?.includes('CNI'),
      reason: '',
    }));
    const checks = accessChecks(answers, false);
    expect(checks.map((check) => check.status)).toEqual(['fail', 'warn']);
    expect(checks[0]?.detail).toContain('create pods/exec in ci');
    expect(checks[0]?.fix).toContain('existing-namespace.yaml');
    expect(checks[1]?.detail).toContain('list pods in kube-system, calico-system, kube-flannel: the CNI');
  });

  it('only warns when the API server answers no review at all', () => {
    const answers = requiredAccess('ci', false).map((need) => ({
      need,
      allowed: 'unknown' as const,
      reason: '404 NotFound',
    }));
    expect(accessChecks(answers, false)).toEqual([
      expect.objectContaining({
        status: 'warn',
        detail: expect.stringContaining('no SelfSubjectAccessReview'),
      }),
    ]);
  });
});

describe('formatDoctor and doctorExitCode', () => {
  const pass: DoctorCheck = { name: 'API server', status: 'pass', detail: 'answers' };
  const warn: DoctorCheck = { name: 'exclusive cores', status: 'warn', detail: 'shared', fix: 'static' };
  const fail: DoctorCheck = { name: 'permissions', status: 'fail', detail: 'denied', fix: 'grant' };

  it('exits 0 with warnings and says a run would work', () => {
    expect(doctorExitCode([pass, warn])).toBe(EXIT_OK);
    expect(formatDoctor([pass, warn])).toMatch(/a run would work here \(1 warning\)\n$/);
  });

  it('exits 3 on a failure, with the fix under the failed line', () => {
    expect(doctorExitCode([pass, fail])).toBe(EXIT_INFRA);
    const text = formatDoctor([pass, fail]);
    expect(text).toContain('FAIL  permissions  denied\n');
    expect(text).toContain('fix: grant');
    expect(text).toMatch(/1 check failed: a run would not work here\n$/);
  });
});
