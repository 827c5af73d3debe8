export const id = 201;
export const ids = [201];
export const modules = {

/***/ 7201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKubernetesDoctor: () => (/* binding */ createKubernetesDoctor)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/targets/kubernetes/client.ts + 3 modules
var client = __webpack_require__(9547);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(5587);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 874 modules
var dist = __webpack_require__(2910);
// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(4111);
// EXTERNAL MODULE: ./src/targets/kubernetes/fingerprint.ts
var fingerprint = __webpack_require__(6151);
;// CONCATENATED MODULE: ./src/targets/kubernetes/doctor-access.ts
/**
 * `doctor`'s permission check: every API call a run makes, asked of the API server as a
 * SelfSubjectAccessReview (what `kubectl auth can-i` sends), so a missing RBAC rule shows before the
 * first run instead of halfway through it.
 */



/**
 * Everything a run asks of the API (see kube-api.ts): nodes to choose from, its namespace (created per
 * run, or read when given), its pods with exec, events for messages, and the CNI's agent pods.
 */
function requiredAccess(namespace, perRunNamespace) {
    const inNs = (verb, resource, optional) => ({
        verb,
        resource,
        namespace,
        ...(optional === undefined ? {} : { optional }),
    });
    const namespaceNeeds = perRunNamespace
        ? ['create', 'get', 'delete'].map((verb) => ({ verb, resource: 'namespaces', name: namespace }))
        : [
            {
                verb: 'get',
                resource: 'namespaces',
                name: namespace,
                optional: 'its Pod Security level is read before the reference pods are tried',
            },
        ];
    return [
        { verb: 'list', resource: 'nodes' },
        {
            verb: 'list',
            resource: 'pods',
            optional: 'free CPU on the nodes (what other pods request) is known; without it, allocatable CPU',
        },
        ...namespaceNeeds,
        ...['create', 'get', 'list', 'watch', 'delete'].map((verb) => inNs(verb, 'pods')),
        inNs('get', 'pods/exec'),
        inNs('create', 'pods/exec'),
        inNs('list', 'events', 'scheduling and image events are quoted when pods do not start'),
        ...fingerprint/* CNI_NAMESPACES */.qU.map((cniNamespace) => ({
            verb: 'list',
            resource: 'pods',
            namespace: cniNamespace,
            optional: 'the CNI is recorded in the environment fingerprint',
        })),
    ];
}
/** `create pods/exec in ns`, `list nodes (cluster)`. */
function describeNeed(need) {
    const where = need.namespace === undefined ? ' (cluster)' : ` in ${need.namespace}`;
    const name = need.name === undefined ? '' : ` ${need.name}`;
    return `${need.verb} ${need.resource}${name}${where}`;
}
function reviewBody(need) {
    const [resource, subresource] = need.resource.split('/');
    return {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
            resourceAttributes: {
                group: '',
                verb: need.verb,
                resource,
                ...(subresource === undefined ? {} : { subresource }),
                ...(need.namespace === undefined ? {} : { namespace: need.namespace }),
                ...(need.name === undefined ? {} : { name: need.name }),
            },
        },
    };
}
/** Asks the API server about each need (in parallel); a review that fails is `unknown`. */
async function reviewAccess(config, needs) {
    const api = config.makeApiClient(dist/* AuthorizationV1Api */.NwU);
    return Promise.all(needs.map(async (need) => {
        try {
            const review = await api.createSelfSubjectAccessReview({ body: reviewBody(need) });
            const allowed = review.status?.allowed === true;
            return {
                need,
                allowed,
                reason: review.status?.reason ?? (allowed ? 'allowed' : 'no rule allows it'),
            };
        }
        catch (error) {
            return { need, allowed: 'unknown', reason: (0,api_errors/* describeApiFailure */.ge)((0,api_errors/* readApiFailure */.HQ)(error)) };
        }
    }));
}
/** "list pods in kube-system, calico-system: why": denied optional needs grouped by why they matter. */
function groupOptional(answers) {
    const byWhy = new Map();
    for (const { need } of answers) {
        const what = `${need.verb} ${need.resource}`;
        const list = byWhy.get(need.optional ?? '') ?? [];
        list.push(need.namespace === undefined ? what : `${what} in ${need.namespace}`);
        byWhy.set(need.optional ?? '', list);
    }
    return [...byWhy].map(([why, list]) => `${joinSameVerb(list)}: ${why}`).join('; ');
}
/** "list pods in a", "list pods in b" → "list pods in a, b". */
function joinSameVerb(list) {
    const [first, ...rest] = list;
    const prefix = first?.includes(' in ') ? `${first.slice(0, first.indexOf(' in ') + 4)}` : undefined;
    if (prefix === undefined || !rest.every((item) => item.startsWith(prefix)))
        return list.join(', ');
    return `${prefix}${list.map((item) => item.slice(prefix.length)).join(', ')}`;
}
/**
 * The checklist lines: the required permissions (failed when one is denied), the optional ones (a
 * warning when some are denied); an API server that answers no review at all is a warning too.
 */
function accessChecks(answers, perRunNamespace) {
    const manifest = perRunNamespace
        ? 'deploy/rbac/namespace-per-run.yaml'
        : 'deploy/rbac/existing-namespace.yaml (with your namespace)';
    const unknown = answers.filter((answer) => answer.allowed === 'unknown');
    if (unknown.length === answers.length && unknown[0] !== undefined) {
        return [
            {
                name: 'permissions',
                status: 'warn',
                detail: `not checked: the API server answered no SelfSubjectAccessReview (${unknown[0].reason})`,
                fix: `compare your RBAC with ${manifest}`,
            },
        ];
    }
    const required = answers.filter((answer) => answer.need.optional === undefined);
    const missing = required.filter((answer) => answer.allowed !== true);
    const checks = [
        missing.length === 0
            ? {
                name: 'permissions',
                status: 'pass',
                detail: `all ${required.length} calls a run makes are allowed`,
            }
            : {
                name: 'permissions',
                status: 'fail',
                detail: `${missing.length} of ${required.length} calls a run makes are denied: ${missing.map((answer) => describeNeed(answer.need)).join(', ')} (${missing[0]?.reason})`,
                fix: `grant them with ${manifest}, or see what you have with kubectl auth can-i --list`,
            },
    ];
    const optionalMissing = answers.filter((answer) => answer.need.optional !== undefined && answer.allowed !== true);
    if (optionalMissing.length > 0) {
        checks.push({
            name: 'optional permissions',
            status: 'warn',
            detail: `denied: ${groupOptional(optionalMissing)}`,
            fix: `a run works without them, with fewer details; ${manifest} grants them`,
        });
    }
    return checks;
}

// EXTERNAL MODULE: ./src/targets/kubernetes/cpu-pinning.ts
var cpu_pinning = __webpack_require__(4169);
// EXTERNAL MODULE: ./src/targets/kubernetes/names.ts
var names = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/targets/kubernetes/pod-spec.ts
var pod_spec = __webpack_require__(4414);
// EXTERNAL MODULE: ./src/targets/kubernetes/profiles.ts
var profiles = __webpack_require__(417);
;// CONCATENATED MODULE: ./src/targets/kubernetes/doctor-pods.ts





/** Bound for each exec of the inspection. */
const INSPECT_TIMEOUT_MS = 15_000;
const PROGRAMS = ['netperf', 'netserver'];
/** The shell line run in each container: uid, the CPU list line, then `name=path` per program (empty when missing). */
const INSPECT_SCRIPT = [
    'id -u',
    "grep '^Cpus_allowed_list:' /proc/self/status",
    ...PROGRAMS.map((program) => `echo ${program}=$(command -v ${program})`),
].join('; ');
/** Reads the script's output into facts (pure). */
function parseInspection(role, pod, qosClass, stdout) {
    const lines = stdout.split('\n').map((line) => line.trim());
    const uid = /^\d+$/.test(lines[0] ?? '') ? Number(lines[0]) : undefined;
    const programs = {};
    for (const program of PROGRAMS) {
        const line = lines.find((candidate) => candidate.startsWith(`${program}=`));
        programs[program] = line !== undefined && line.length > program.length + 1;
    }
    return {
        role,
        pod,
        qosClass: qosClass || 'unknown',
        allowedCpus: (0,cpu_pinning/* allowedCpusFromStatus */.m5)(stdout),
        uid,
        programs,
    };
}
/** The user check: non-root, both programs present. */
function userCheck(facts) {
    const root = facts.filter((fact) => fact.uid === 0);
    const missing = facts.flatMap((fact) => Object.entries(fact.programs)
        .filter(([, found]) => !found)
        .map(([program]) => `${program} in the ${fact.role} pod`));
    if (root.length > 0) {
        return {
            name: 'image',
            status: 'fail',
            detail: `${root.map((fact) => `the ${fact.role} container`).join(' and ')} ${root.length > 1 ? 'run' : 'runs'} as root (uid 0), not as uid ${pod_spec/* RUN_AS_USER */.p9} as the pods ask`,
            fix: 'something overrides the pod securityContext (a mutating webhook or the runtime): exempt the namespace from it',
        };
    }
    if (missing.length > 0) {
        return {
            name: 'image',
            status: 'fail',
            detail: `not on the image's PATH for uid ${pod_spec/* RUN_AS_USER */.p9}: ${missing.join(', ')}`,
            fix: 'use an image with netperf and netserver (--image; the default is the one cilium-cli pins)',
        };
    }
    const uids = [...new Set(facts.map((fact) => fact.uid ?? '?'))].join(', ');
    return {
        name: 'image',
        status: 'pass',
        detail: `pulled and started; runs as uid ${uids} (non-root) with netperf and netserver`,
    };
}
/** The CPU check of a sized profile, by the run's own rule: Guaranteed and no more CPUs than requested. */
function cpuCheck(facts, profile) {
    const name = 'exclusive cores';
    if (profile.cpus === null) {
        return { name, status: 'skip', detail: 'the suite has no sized (cpus: N) scenario to look at' };
    }
    const warning = (0,cpu_pinning/* pinningWarning */.gE)(profile, facts);
    if (warning !== undefined) {
        return {
            name,
            status: 'warn',
            detail: warning.replace(/^kubernetes: /, ''),
            fix: 'set the kubelet cpuManagerPolicy: static on the benchmark nodes (with reserved system CPUs) and keep the pods Guaranteed',
        };
    }
    if (facts.some((fact) => fact.allowedCpus === undefined)) {
        return {
            name,
            status: 'warn',
            detail: "the pods' allowed CPUs could not be read from /proc/self/status",
        };
    }
    const counts = facts.map((fact) => `${fact.role} ${fact.allowedCpus}`).join(', ');
    return {
        name,
        status: 'pass',
        detail: `Guaranteed pods allowed ${profile.cpus} CPU${profile.cpus > 1 ? 's' : ''} each (${counts}): exclusive cores, CPU manager static`,
    };
}
async function inspectPod(api, namespace, pod, role) {
    const read = await api.readPod(namespace, pod);
    const container = role === 'server' ? pod_spec/* SERVER_CONTAINER */.el : pod_spec/* CLIENT_CONTAINER */.ub;
    const output = await api.exec(namespace, pod, container, ['sh', '-c', INSPECT_SCRIPT], INSPECT_TIMEOUT_MS);
    return parseInspection(role, pod, read?.status?.qosClass ?? '', output.stdout);
}
/** Inspects the scenario's server and client pods (prepared and Ready) and says what was found. */
async function podChecks(api, target, scenario) {
    const [profile] = (0,profiles/* planProfiles */._0)([scenario]);
    const { namespace } = target.createdResources();
    if (profile === undefined)
        return [];
    try {
        const facts = await Promise.all(['server', 'client'].map((role) => inspectPod(api, namespace, (0,names/* podName */.Bh)(target.runId, role, profile.key, 'pod'), role)));
        return [userCheck(facts), cpuCheck(facts, profile)];
    }
    catch (error) {
        return [
            {
                name: 'image',
                status: 'fail',
                detail: `could not look inside the pods: ${(0,errors/* formatError */.Wk)(error)}`,
                fix: 'the image needs a POSIX sh (the 32-stream scenario starts its netperf processes with one)',
            },
        ];
    }
}

// EXTERNAL MODULE: ./src/targets/kubernetes/kubernetes-target.ts
var kubernetes_target = __webpack_require__(1981);
// EXTERNAL MODULE: ./src/targets/kubernetes/lifecycle.ts
var lifecycle = __webpack_require__(8203);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-choice.ts
var node_choice = __webpack_require__(9759);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-load.ts + 1 modules
var node_load = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-roles.ts
var node_roles = __webpack_require__(9719);
// EXTERNAL MODULE: ./src/targets/kubernetes/reference.ts
var kubernetes_reference = __webpack_require__(5026);
// EXTERNAL MODULE: ./src/targets/kubernetes/settings.ts
var kubernetes_settings = __webpack_require__(8626);
;// CONCATENATED MODULE: ./src/targets/kubernetes/doctor.ts














function profileLabel(profile) {
    return profile.cpus === null ? 'unlimited pods' : `${profile.cpus}-CPU pods`;
}
/**
 * The nodes of one CPU profile: the two its pods would go to (free CPU = allocatable − what other pods
 * request), or why none can take them; a warning when the chosen nodes are in different zones.
 */
function nodeChecks(nodes, requestedMillis, settings, profile, reference) {
    const name = `nodes (${profileLabel(profile)})`;
    try {
        const choice = (0,node_choice/* chooseNodes */.Dp)((0,lifecycle/* nodeChoiceInput */.oe)(settings, nodes, requestedMillis, [profile], reference));
        const zones = (0,node_roles/* zoneWarning */.Fg)(choice.client, choice.server);
        return [
            { name, status: 'pass', detail: choice.why },
            ...(zones === undefined
                ? []
                : [{ name, status: 'warn', detail: zones.replace(/^warning: /, '') }]),
        ];
    }
    catch (error) {
        return [
            {
                name,
                status: 'fail',
                detail: (0,errors/* formatError */.Wk)(error),
                fix: `${profile.scenarioNames.join(', ')} cannot run: free CPU on two nodes, or leave them out with --scenarios`,
            },
        ];
    }
}
/**
 * A given namespace: it exists, and whether its Pod Security level admits the host-network reference
 * (when it does not, runs go without it: a warning, and the nodes need no CPU for it).
 */
async function namespaceCheck(api, namespace, reference) {
    const name = 'namespace';
    let found;
    try {
        found = await api.readNamespace(namespace);
    }
    catch (error) {
        return { name, status: 'warn', detail: `cannot read namespace ${namespace}: ${(0,errors/* formatError */.Wk)(error)}` };
    }
    if (found === undefined) {
        return {
            name,
            status: 'fail',
            detail: `namespace ${namespace} does not exist`,
            fix: 'create it (deploy/rbac/existing-namespace.yaml does) or drop --namespace',
        };
    }
    const level = found.metadata?.labels?.[kubernetes_reference/* POD_SECURITY_ENFORCE_LABEL */.Xe] ?? 'none (privileged)';
    const forbids = reference ? (0,kubernetes_reference/* podSecurityForbids */.nZ)(found) : undefined;
    if (forbids === undefined) {
        return { name, status: 'pass', detail: `${namespace} exists; Pod Security enforce: ${level}` };
    }
    return {
        name,
        status: 'warn',
        referenceOff: true,
        detail: `${forbids}: runs go without the node-to-node reference and gate on raw metrics (low confidence)`,
        fix: `label the namespace ${kubernetes_reference/* POD_SECURITY_ENFORCE_LABEL */.Xe}=privileged, or pass --no-reference`,
    };
}
/**
 * The doctor for these settings and scenarios: the kubeconfig is read once (a bad one is a usage
 * error); nothing is sent to the cluster before `precheck`.
 */
function createKubernetesDoctor(given, scenarios, log) {
    const settings = (0,kubernetes_settings/* normaliseSettings */.O)(given);
    const runId = (0,kubernetes_target/* newRunId */.F$)();
    const kubeConfig = (0,connection/* loadKubeConfig */.u3)(settings);
    const kube = (0,client/* createKubeApi */.Q)(kubeConfig);
    // The target works through the same API object, so its pods are the ones inspected.
    const target = (0,kubernetes_target.createKubernetesTarget)(settings, { log, runId, api: kube });
    const namespace = settings.namespace ?? (0,names/* namespaceFor */.n)(runId);
    return {
        target,
        async precheck(setupCpus) {
            let version;
            try {
                version = await kube.serverVersion();
            }
            catch (error) {
                const detail = (0,errors/* formatError */.Wk)((0,connection/* explainApiError */.cU)('asking for its version', error, kube.server));
                return { checks: [{ name: 'API server', status: 'fail', detail }], go: false };
            }
            const checks = [
                { name: 'API server', status: 'pass', detail: `${kube.server} answers (${version})` },
            ];
            const perRun = settings.namespace === undefined;
            const answers = await reviewAccess(kubeConfig, requiredAccess(namespace, perRun));
            checks.push(...accessChecks(answers, perRun));
            let reference = settings.hostNetworkReference;
            if (!perRun) {
                const { referenceOff, ...check } = await namespaceCheck(kube, namespace, reference);
                if (referenceOff)
                    reference = false;
                checks.push(check);
            }
            let blocked = checks.some((check) => check.status === 'fail');
            try {
                const nodes = await kube.listNodes();
                const requested = await (0,node_load/* readRequestedCpu */.x)(kube, () => { }); // a 403 shows as an optional permission
                for (const profile of (0,profiles/* planProfiles */._0)(scenarios)) {
                    const found = nodeChecks(nodes, requested, settings, profile, reference);
                    if (profile.cpus === setupCpus && found.some((check) => check.status === 'fail'))
                        blocked = true;
                    checks.push(...found);
                }
            }
            catch (error) {
                const detail = (0,errors/* formatError */.Wk)((0,connection/* explainApiError */.cU)('listing nodes', error, kube.server));
                checks.push({ name: 'nodes', status: 'fail', detail });
                blocked = true;
            }
            return { checks, go: !blocked };
        },
        inspect: (scenario) => podChecks(kube, target, scenario),
    };
}


/***/ })

};
