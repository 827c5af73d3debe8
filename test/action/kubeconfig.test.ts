/**
 * The kubeconfig's credentials are masked whatever its form (YAML block or flow style, JSON, folded
 * scalars, exec plugins), and in the built action before anything else is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskKubeconfig } from '../../src/action/kubeconfig.js';
import { kubeconfigSecrets } from '../../src/action/kubeconfig-secrets.js';
import { runActionStep } from './run-action.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VydmljZWFjY291bnQ.sig-0123456789';
const EXEC_SECRET = 'aws-secret-access-key-0123456789';
const CLIENT_KEY =
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQ';

/** One kubeconfig, every credential form at once, as JSON (kubectl config view -o json). */
const jsonKubeconfig = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'lab',
  clusters: [
    { name: 'lab', cluster: { server: 'https://127.0.0.1:9', 'certificate-authority-data': 'Q0EtcHVibGlj' } },
  ],
  contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'robot' } }],
  users: [
    { name: 'robot', user: { token: TOKEN } },
    {
      name: 'aws',
      user: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: 'aws',
          args: ['eks', 'get-token'],
          env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: EXEC_SECRET }],
        },
      },
    },
  ],
});

describe('kubeconfigSecrets', () => {
  it.each([
    ['JSON, token and exec env', jsonKubeconfig, [TOKEN, EXEC_SECRET]],
    ['YAML flow style', `users: [{name: a, user: {token: ${TOKEN}, username: admin}}]\n`, [TOKEN]],
    [
      'a folded token block',
      `users:\n- name: a\n  user:\n    token: >-\n      ${TOKEN.slice(0, 20)}\n      ${TOKEN.slice(20)}\n`,
      [`${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`],
    ],
    [
      'a literal multi-line password, line by line too',
      'users:\n- name: a\n  user:\n    password: |\n      first-line-secret\n      second-line-secret\n',
      ['first-line-secret\nsecond-line-secret\n', 'first-line-secret', 'second-line-secret'],
    ],
    [
      'client key (not the certificate) and auth-provider tokens',
      `users:\n- name: a\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: ${CLIENT_KEY}\n- name: b\n  user:\n    auth-provider:\n      name: oidc\n      config:\n        client-id: kubernetes\n        client-secret: oidc-client-secret-1\n        id-token: oidc-id-token-123\n        idp-issuer-url: https://issuer.example\n`,
      [CLIENT_KEY, 'oidc-client-secret-1', 'oidc-id-token-123'],
    ],
  ])('finds the credentials of %s', (_form, text, secrets) => {
    expect(kubeconfigSecrets(text)).toEqual(secrets);
  });

  it('gives up on text that is neither YAML nor JSON (the line scan takes over)', () => {
    expect(kubeconfigSecrets('users: [unclosed')).toBeUndefined();
    const masked: string[] = [];
    maskKubeconfig(`users: [unclosed\n  token: ${TOKEN}\n`, (secret) => masked.push(secret));
    expect(masked).toContain(TOKEN);
  });
});

describe('the built action with a JSON kubeconfig', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'npg-kubeconfig-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('masks the whole kubeconfig, its token and the exec plugin secret before it prints anything else', async () => {
    const step = await runActionStep({
      workspace,
      // samples "many" is refused right after the masking: the step ends with a printed error.
      inputs: { target: 'kubernetes', kubeconfig: jsonKubeconfig, samples: 'many', baseline: 'none.json' },
    });
    expect(step.code).toBe(2);
    const lines = step.stdout.split('\n').filter((line) => line !== '');
    const masks = lines.findIndex((line) => !line.startsWith('::add-mask::'));
    expect(masks).toBeGreaterThan(0);
    expect(lines.slice(0, masks)).toEqual(
      expect.arrayContaining([`::add-mask::${TOKEN}`, `::add-mask::${EXEC_SECRET}`]),
    );
    expect(lines.slice(masks).join('\n')).toContain('input samples');
  }, 60_000);
});
