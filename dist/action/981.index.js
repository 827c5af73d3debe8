export const id = 981;
export const ids = [981,87];
export const modules = {

/***/ 6087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CLEANUP_POLL_INTERVAL_MS: () => (/* binding */ CLEANUP_POLL_INTERVAL_MS),
/* harmony export */   CLEANUP_WAIT_TIMEOUT_MS: () => (/* binding */ CLEANUP_WAIT_TIMEOUT_MS),
/* harmony export */   deleteCreatedResources: () => (/* binding */ deleteCreatedResources),
/* harmony export */   deletePodsAndWait: () => (/* binding */ deletePodsAndWait)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/** Removing what a run created: its namespace, or its pods in a namespace it was given. Logs, never throws. */

/** Bound for everything to be gone after the deletes (pods have a 1 s grace period). */
const CLEANUP_WAIT_TIMEOUT_MS = 60_000;
/** How often cleanup looks whether the objects are gone. */
const CLEANUP_POLL_INTERVAL_MS = 500;
async function waitUntilGone(exists, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (await exists()) {
        if (Date.now() >= deadline)
            return false;
        await new Promise((resume) => setTimeout(resume, CLEANUP_POLL_INTERVAL_MS));
    }
    return true;
}
async function deleteNamespace(api, name, waitMs, log) {
    await api.deleteNamespace(name);
    const gone = await waitUntilGone(async () => (await api.readNamespace(name)) !== undefined, waitMs);
    if (!gone)
        log(`cleanup: namespace ${name} is still terminating after ${waitMs / 1000} s; it goes away by itself`);
}
/**
 * Deletes pods by name (404 counts as deleted) and waits, bounded by `waitMs`, until none is left.
 * Resolves whether they are gone; a delete the API refuses rejects.
 */
async function deletePodsAndWait(api, namespace, pods, waitMs) {
    await Promise.all(pods.map((pod) => api.deletePod(namespace, pod)));
    const remaining = async () => (await Promise.all(pods.map((pod) => api.readPod(namespace, pod)))).some(Boolean);
    return waitUntilGone(remaining, waitMs);
}
async function deletePods(api, resources, waitMs, log) {
    const { namespace, pods } = resources;
    const gone = await deletePodsAndWait(api, namespace, pods, waitMs);
    if (!gone)
        log(`cleanup: pods of run ${resources.runId} in ${namespace} are still terminating after ${waitMs / 1000} s`);
}
/**
 * Deletes what `resources` records (404 counts as deleted) and waits, bounded, until it is gone.
 * Returns whether the deletes were accepted; failures are logged as one line each.
 */
async function deleteCreatedResources(api, resources, log, waitMs = CLEANUP_WAIT_TIMEOUT_MS) {
    try {
        if (resources.namespaceCreated)
            await deleteNamespace(api, resources.namespace, waitMs, log);
        else if (resources.pods.length > 0)
            await deletePods(api, resources, waitMs, log);
        return true;
    }
    catch (error) {
        const what = resources.namespaceCreated
            ? `namespace ${resources.namespace}`
            : `pods ${resources.pods.join(', ')} in ${resources.namespace}`;
        log(`cleanup: could not delete ${what} at ${api.server}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(error)}; delete it with kubectl`);
        return false;
    }
}


/***/ }),

/***/ 65587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainApiError: () => (/* binding */ explainApiError),
/* harmony export */   loadKubeConfig: () => (/* binding */ loadKubeConfig),
/* harmony export */   step: () => (/* binding */ step)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62910);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34111);
/* harmony import */ var _refusals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77058);
/** Loading the kubeconfig, choosing its context, and turning API failures into one-line errors. */




/** Where client-node points when it finds no kubeconfig at all. */
const NO_CONFIG_FALLBACK = 'http://localhost:8080';
/**
 * The kubeconfig: the file given, else client-node's defaults (KUBECONFIG, ~/.kube/config, in-cluster
 * service account), switched to `settings.context` when given.
 */
function loadKubeConfig(settings) {
    const config = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .KubeConfig */ .ypW();
    try {
        if (settings.kubeconfigPath !== undefined)
            config.loadFromFile(settings.kubeconfigPath);
        else
            config.loadFromDefault();
    }
    catch (error) {
        const source = settings.kubeconfigPath === undefined ? 'the default kubeconfig' : `'${settings.kubeconfigPath}'`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Cannot load ${source}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .formatError */ .Wk)(error)}. Pass a readable kubeconfig with --kubeconfig.`);
    }
    if (settings.context !== undefined) {
        const names = config.getContexts().map((context) => context.name);
        if (!names.includes(settings.context)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Unknown --context '${settings.context}'. Contexts in the kubeconfig: ${names.join(', ') || 'none'}.`);
        }
        config.setCurrentContext(settings.context);
    }
    if (config.getCurrentCluster() === null) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`The kubeconfig's context '${config.getCurrentContext()}' names no cluster. Fix current-context or pass --context.`);
    }
    return config;
}
/**
 * An error for people from a failed call: what we were doing, what the server said, what to check.
 * Network failures name the server URL; 401 points at credentials; a refusal is named for what
 * refused it (RBAC, Pod Security, an admission webhook or policy, the service-account race).
 */
function explainApiError(doing, error, server) {
    if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG || error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb)
        return error;
    const failure = (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .readApiFailure */ .HQ)(error);
    const said = (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeApiFailure */ .ge)(failure);
    if (failure.status === undefined) {
        const hint = server === NO_CONFIG_FALLBACK
            ? 'no kubeconfig was found (KUBECONFIG, ~/.kube/config, in-cluster): pass --kubeconfig'
            : "check the kubeconfig's server address, that this machine can reach it (network, VPN, firewall) and that the cluster is up";
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG(`Cannot reach the Kubernetes API at ${server} while ${doing} (${said}): ${hint}`);
    }
    if (failure.status === 401) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG(`The Kubernetes API at ${server} rejected the credentials while ${doing} (${said}): check the kubeconfig's user (an expired token?)`);
    }
    const refusal = (0,_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .readRefusal */ .ni)(failure);
    if (refusal !== undefined)
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG((0,_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRefusal */ .a2)(refusal, doing, server));
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG(`The Kubernetes API at ${server} failed while ${doing} (${said}): check the cluster and run again`);
}
/** Runs one step, rethrowing its failure as {@link explainApiError}. */
async function step(api, doing, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainApiError(doing, error, api.server);
    }
}


/***/ }),

/***/ 36151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ nodeFingerprint),
/* harmony export */   Mu: () => (/* binding */ detectCni),
/* harmony export */   Zy: () => (/* binding */ buildKubernetesFingerprint),
/* harmony export */   qU: () => (/* binding */ CNI_NAMESPACES)
/* harmony export */ });
/* unused harmony export cpuModelFromLabels */
/* harmony import */ var _node_choice_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19759);
/* harmony import */ var _node_roles_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99719);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50417);



/** Namespaces where CNI agents usually run (kube-system; the Calico operator's; flannel's own). */
const CNI_NAMESPACES = ['kube-system', 'calico-system', 'kube-flannel'];
/**
 * DaemonSets of CNI agents and the CNI they reveal, the datapath owners first: with CNI chaining (EKS
 * with Cilium or Calico on top of aws-node, AKS with Cilium on azure-cns) both agents run, and the
 * plugin that owns the datapath and policy is the one that shapes the measurement. Pods are named
 * `<daemonset>-<5 characters>`, which tells `cilium-x7k2p` (the agent) from `cilium-envoy-…` or
 * `cilium-operator-…`.
 */
const CNI_DAEMONSETS = [
    ['cilium', 'cilium'],
    ['calico-node', 'calico'],
    ['antrea-agent', 'antrea'],
    ['kube-ovn-cni', 'kube-ovn'],
    ['canal', 'canal'],
    ['weave-net', 'weave'],
    ['kube-router', 'kube-router'],
    ['kube-flannel-ds', 'flannel'],
    ['aws-node', 'aws-vpc-cni'],
    ['azure-cns', 'azure-cni'],
    ['kindnet', 'kindnet'],
];
/**
 * The CNI whose agent pods are among `pods` (the datapath owner when several are: Cilium over aws-node),
 * with the others found beside it, or undefined when there is none.
 */
function detectCni(pods) {
    const found = new Map();
    for (const pod of pods) {
        const daemonSet = /^(.+)-[a-z0-9]{5}$/.exec(pod.metadata?.name ?? '')?.[1];
        const match = CNI_DAEMONSETS.find(([candidate]) => candidate === daemonSet);
        if (match !== undefined && !found.has(match[1]))
            found.set(match[1], pod.spec?.containers?.[0]?.image ?? 'unknown');
    }
    const [first, ...others] = CNI_DAEMONSETS.map(([, cni]) => cni).filter((cni) => found.has(cni));
    if (first === undefined)
        return undefined;
    return {
        name: first,
        image: found.get(first) ?? 'unknown',
        ...(others.length > 0 ? { chainedWith: others } : {}),
    };
}
/**
 * The CPU model as far as node labels tell: Node Feature Discovery publishes vendor, family and model
 * ids (not the marketing name). "unknown" without NFD: the API has no CPU model field.
 */
function cpuModelFromLabels(labels) {
    const nfd = 'feature.node.kubernetes.io/cpu-model.';
    const vendor = labels?.[`${nfd}vendor_id`];
    const family = labels?.[`${nfd}family`];
    const id = labels?.[`${nfd}id`];
    if (vendor === undefined && family === undefined && id === undefined)
        return 'unknown';
    return `${vendor ?? 'unknown vendor'} family ${family ?? '?'} model ${id ?? '?'}`;
}
/**
 * One node as a fingerprint: the name is the node's, stable run after run on the same cluster. The
 * zone (topology.kubernetes.io/zone) is there when the node has one: two runs whose nodes sat in other
 * zones show it in the environment diff.
 */
function nodeFingerprint(node) {
    const info = node.status?.nodeInfo;
    const capacity = (0,_node_choice_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCpuMillis */ .sH)(node.status?.capacity?.cpu);
    const zone = (0,_node_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .zoneOf */ .kE)(node);
    return {
        name: node.metadata?.name ?? 'unknown',
        kernel: info?.kernelVersion ?? 'unknown',
        cpuModel: cpuModelFromLabels(node.metadata?.labels),
        cpuCount: Number.isNaN(capacity) ? 0 : Math.floor(capacity / 1000),
        details: {
            osImage: info?.osImage ?? 'unknown',
            kubeletVersion: info?.kubeletVersion ?? 'unknown',
            containerRuntimeVersion: info?.containerRuntimeVersion ?? 'unknown',
            architecture: info?.architecture ?? 'unknown',
            allocatableCpu: (0,_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCpus */ .tQ)((0,_node_choice_js__WEBPACK_IMPORTED_MODULE_0__/* .allocatableMillis */ .XP)(node)),
            ...(zone !== undefined ? { zone } : {}),
        },
    };
}
/** The target's fingerprint: both nodes, the Kubernetes version, the CNI (when seen), the image and the reference. */
function buildKubernetesFingerprint(facts) {
    return {
        netperfVersion: facts.netperfVersion,
        client: nodeFingerprint(facts.client),
        server: nodeFingerprint(facts.server),
        details: {
            kubernetesVersion: facts.serverVersion,
            cni: facts.cni?.name ?? 'unknown',
            ...(facts.cni !== undefined ? { cniImage: facts.cni.image } : {}),
            ...(facts.cni?.chainedWith !== undefined ? { cniChainedWith: facts.cni.chainedWith.join(', ') } : {}),
            image: facts.image,
            reference: facts.reference,
            ...(facts.cpuPinning?.length ? { cpuPinning: facts.cpuPinning.join('; ') } : {}),
        },
    };
}


/***/ }),

/***/ 61981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F$: () => (/* binding */ newRunId),
/* harmony export */   createKubernetesTarget: () => (/* binding */ createKubernetesTarget),
/* harmony export */   p1: () => (/* binding */ newRunOf),
/* harmony export */   ul: () => (/* binding */ findCni)
/* harmony export */ });
/* unused harmony export deleteRecordedResources */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6087);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49547);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65587);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36151);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48203);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7747);
/* harmony import */ var _netperf_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42875);
/* harmony import */ var _pod_wait_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(236);
/* harmony import */ var _profile_switch_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8558);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(50417);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(65026);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(92474);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(98626);
/**
 * The `kubernetes` target: a netserver pod on one node and a client pod on another, sized for the CPU
 * profile in use (one profile's pods at a time, switched per scenario), netperf exec'd in the client
 * pod; beside it, unless turned off or forbidden by Pod Security, a small host-network pair (Cilium's
 * node-to-node reference), measured while the pod pair is idle. create.ts
 * imports this module lazily, so client-node loads only here.
 */

















/**
 * A run of these (normalised) settings that has created nothing yet, with the deps' API, bounds and
 * cleanup wait or their defaults: how both Kubernetes targets, the pair and the fleet, start.
 */
function newRunOf(settings, runId, deps) {
    return (0,_run_state_js__WEBPACK_IMPORTED_MODULE_8__/* .newKubeRun */ .J4)({
        settings,
        runId,
        log: deps.log,
        bounds: deps.bounds ?? { readyMs: _pod_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .POD_READY_TIMEOUT_MS */ .dK, unschedulableMs: _pod_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .POD_UNSCHEDULABLE_TIMEOUT_MS */ .z9 },
        cleanupWaitMs: deps.cleanupWaitMs ?? _cleanup_js__WEBPACK_IMPORTED_MODULE_9__.CLEANUP_WAIT_TIMEOUT_MS,
        connect: () => deps.api ?? (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.createKubeApi)((0,_connection_js__WEBPACK_IMPORTED_MODULE_2__.loadKubeConfig)(settings)),
    }, settings.namespace ?? (0,_names_js__WEBPACK_IMPORTED_MODULE_10__.namespaceFor)(runId));
}
/** A random run id: a letter, then 7 base-36 characters (lowercase: it ends up in DNS names). */
function newRunId() {
    const digits = [...(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(7)].map((byte) => (byte % 36).toString(36)).join('');
    return `r${digits}`;
}
/** Creates the Kubernetes target; nothing is sent to the cluster until `prepare`. */
function createKubernetesTarget(given, deps) {
    const settings = (0,_settings_js__WEBPACK_IMPORTED_MODULE_11__/* .normaliseSettings */ .O)(given);
    const run = newRunOf(settings, (0,_names_js__WEBPACK_IMPORTED_MODULE_10__.checkRunId)(deps.runId ?? newRunId()), deps);
    const referenceEndpoint = (scenario) => (0,_netperf_run_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointOf */ .X5)(requireReference(run), scenario, 'host');
    const runReferenceNetperf = (scenario, argvs) => (0,_netperf_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runNetperf */ .eH)(requireReference(run), scenario, argvs, 'host');
    const referencePair = { endpoint: referenceEndpoint, runNetperf: runReferenceNetperf };
    return {
        kind: 'kubernetes',
        runId: run.runId,
        prepare: (scenarios) => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_4__/* .prepareRun */ .Z0)(run, scenarios),
        useProfile: (scenario) => (0,_profile_switch_js__WEBPACK_IMPORTED_MODULE_7__/* .switchProfile */ .oC)(run, (0,_profiles_js__WEBPACK_IMPORTED_MODULE_12__/* .profileFor */ .P5)(run.profiles, scenario)),
        endpoint: (scenario) => (0,_netperf_run_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointOf */ .X5)(run, scenario, 'pod'),
        runNetperf: (scenario, argvs) => (0,_netperf_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runNetperf */ .eH)(run, scenario, argvs, 'pod'),
        // A getter: prepare may turn the reference off (Pod Security), and the runner reads it after.
        get reference() {
            return run.reference.on ? referencePair : undefined;
        },
        referenceEndpoint,
        runReferenceNetperf,
        fingerprint: () => fingerprint(run),
        cleanup: () => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_4__/* .cleanupRun */ .wX)(run),
        createdResources: () => ({ ...run.created, pods: [...run.created.pods] }),
    };
}
function requireReference(run) {
    if (!run.reference.on) {
        throw new Error(`the host-network reference was not prepared: it is ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_13__/* .describeReference */ .P5)(run.reference)}`);
    }
    return run;
}
/**
 * The CNI from agent pods in all the usual namespaces (chained CNIs may run in different ones); a
 * namespace we may not list (403) or that is absent is skipped.
 */
async function findCni(api) {
    const lists = await Promise.all(_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .CNI_NAMESPACES */ .qU.map((namespace) => api.listPods(namespace).then((list) => list.pods, () => [])));
    return (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .detectCni */ .Mu)(lists.flat());
}
async function fingerprint(run) {
    if (run.nodes === undefined)
        throw new Error('fingerprint needs a prepared target');
    const api = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_8__/* .apiOf */ .ir)(run);
    return (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .buildKubernetesFingerprint */ .Zy)({
        ...run.nodes,
        serverVersion: run.serverVersion ?? 'unknown',
        cni: await findCni(api),
        image: run.settings.image,
        netperfVersion: await (0,_netperf_run_js__WEBPACK_IMPORTED_MODULE_5__/* .netperfVersion */ .Td)(run),
        reference: (0,_reference_js__WEBPACK_IMPORTED_MODULE_13__/* .describeReference */ .P5)(run.reference),
        cpuPinning: [...run.cpuPinning.values()],
    });
}
/**
 * Deletes what an earlier run recorded with `createdResources()` (the action's post step, after the
 * main step was killed). Logs, never throws; resolves true when the deletes were accepted.
 */
async function deleteRecordedResources(settings, resources, log) {
    if (!resources.namespaceCreated && resources.pods.length === 0)
        return true;
    try {
        return await deleteCreatedResources(createKubeApi(loadKubeConfig(settings)), resources, log);
    }
    catch (error) {
        log(`cleanup: could not connect to delete run ${resources.runId}: ${formatError(error)}`);
        return false;
    }
}


/***/ }),

/***/ 67075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ matchesSelector),
/* harmony export */   l: () => (/* binding */ parseLabelSelector)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/**
 * Kubernetes label selectors (`--node-selector`) parsed and matched here: pure, no I/O.
 * Nodes are filtered on our side so that one list of all nodes can also explain why each was left out.
 */

const HINT = "Expected a Kubernetes label selector, e.g. 'perf=true' or 'zone in (a,b),!spot'.";
/** Splits on commas outside parentheses: `a in (x,y),b` → `a in (x,y)`, `b`. */
function splitRequirements(selector) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const char of selector) {
        if (char === '(')
            depth += 1;
        if (char === ')')
            depth -= 1;
        if (char === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else {
            current += char;
        }
    }
    parts.push(current);
    return parts.map((part) => part.trim());
}
const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const VALUE = '[-A-Za-z0-9_.]*';
const SET_FORM = new RegExp(String.raw `^(${KEY})\s+(in|notin)\s*\(([^)]*)\)$`);
const EQUALITY_FORM = new RegExp(String.raw `^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS_FORM = new RegExp(String.raw `^(!?)\s*(${KEY})$`);
function parseRequirement(part, selector) {
    const set = SET_FORM.exec(part);
    if (set?.[1] !== undefined && set[3] !== undefined) {
        const values = set[3].split(',').map((value) => value.trim());
        return { key: set[1], operator: set[2] === 'in' ? 'in' : 'notIn', values };
    }
    const equality = EQUALITY_FORM.exec(part);
    if (equality?.[1] !== undefined && equality[3] !== undefined) {
        return { key: equality[1], operator: equality[2] === '!=' ? 'notIn' : 'in', values: [equality[3]] };
    }
    const exists = EXISTS_FORM.exec(part);
    if (exists?.[2] !== undefined) {
        return { key: exists[2], operator: exists[1] === '!' ? 'notExists' : 'exists', values: [] };
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid --node-selector '${selector}': cannot read '${part}'. ${HINT}`);
}
/** Parses a label selector; an empty one selects everything. */
function parseLabelSelector(selector) {
    if (selector.trim() === '')
        return [];
    return splitRequirements(selector).map((part) => parseRequirement(part, selector));
}
function matchesRequirement(labels, requirement) {
    const value = labels[requirement.key];
    switch (requirement.operator) {
        case 'exists':
            return value !== undefined;
        case 'notExists':
            return value === undefined;
        case 'in':
            return value !== undefined && requirement.values.includes(value);
        case 'notIn':
            // As in Kubernetes: a missing label satisfies `!=` and `notin`.
            return value === undefined || !requirement.values.includes(value);
    }
}
/** Whether labels satisfy every requirement. */
function matchesSelector(labels, requirements) {
    return requirements.every((requirement) => matchesRequirement(labels ?? {}, requirement));
}


/***/ }),

/***/ 48203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YX: () => (/* binding */ createNamespace),
/* harmony export */   Z0: () => (/* binding */ prepareRun),
/* harmony export */   dp: () => (/* binding */ pinned),
/* harmony export */   oe: () => (/* binding */ nodeChoiceInput),
/* harmony export */   wX: () => (/* binding */ cleanupRun)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(70017);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6087);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65587);
/* harmony import */ var _label_selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67075);
/* harmony import */ var _node_choice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19759);
/* harmony import */ var _node_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68161);
/* harmony import */ var _node_roles_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99719);
/* harmony import */ var _pod_spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54414);
/* harmony import */ var _profile_switch_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8558);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(50417);
/* harmony import */ var _reference_admission_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(19533);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(92474);
/* harmony import */ var _tolerations_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(33189);













/**
 * What the node choice works from, for these settings and CPU profiles: the run asks it for all its
 * profiles, `doctor` for each one.
 */
function nodeChoiceInput(settings, nodes, requestedMillis, profiles, reference) {
    return {
        nodes,
        clientNode: settings.clientNode,
        serverNode: settings.serverNode,
        selectorText: settings.nodeSelector,
        selector: (0,_label_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLabelSelector */ .l)(settings.nodeSelector ?? ''),
        tolerations: (0,_tolerations_js__WEBPACK_IMPORTED_MODULE_8__/* .parseTolerations */ .Ue)(settings.tolerations),
        needMillis: (0,_profiles_js__WEBPACK_IMPORTED_MODULE_9__/* .nodeCpuNeedMillis */ .Ds)(profiles, reference),
        needText: (0,_profiles_js__WEBPACK_IMPORTED_MODULE_9__/* .describeCpuNeed */ .KB)(profiles, reference),
        requestedMillis,
        allowControlPlane: settings.allowControlPlane,
    };
}
async function pickNodes(run) {
    const api = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_10__/* .apiOf */ .ir)(run);
    const nodes = await (0,_connection_js__WEBPACK_IMPORTED_MODULE_0__.step)(api, 'listing nodes', () => api.listNodes());
    const requestedMillis = await (0,_node_load_js__WEBPACK_IMPORTED_MODULE_3__/* .readRequestedCpu */ .x)(api, run.log);
    return (0,_node_choice_js__WEBPACK_IMPORTED_MODULE_2__/* .chooseNodes */ .Dp)(nodeChoiceInput(run.settings, nodes, requestedMillis, run.profiles, run.reference.on));
}
function logChoice(run, choice) {
    run.log(`kubernetes: ${choice.why}`);
    for (const line of choice.excluded)
        run.log(`kubernetes: ${line}`);
    const zones = (0,_node_roles_js__WEBPACK_IMPORTED_MODULE_4__/* .zoneWarning */ .Fg)(choice.client, choice.server);
    if (zones !== undefined)
        run.log(`kubernetes: ${zones}`);
}
/** A chosen node as pods are pinned to it: its name and its hostname label. */
function pinned(node) {
    return { name: node.metadata?.name ?? '', hostname: node.metadata?.labels?.[_pod_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .HOSTNAME_LABEL */ .$1] };
}
/** Creates the run's own namespace (nothing when one was given), recorded before the create is sent. */
async function createNamespace(run) {
    const api = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_10__/* .apiOf */ .ir)(run);
    const { settings, runId, created } = run;
    if (settings.namespace !== undefined)
        return;
    created.namespaceCreated = true; // recorded first: a lost answer still leaves it to delete
    const body = (0,_pod_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .buildNamespace */ .KX)(runId, created.namespace, run.reference.on);
    await (0,_connection_js__WEBPACK_IMPORTED_MODULE_0__.step)(api, `creating namespace ${created.namespace}`, () => api.createNamespace(body, runId));
}
/**
 * Plans profiles, parses tolerations and the selector (usage errors before anything is created),
 * connects, reads a given namespace's Pod Security level (the reference is off when it forbids host
 * network), chooses the nodes (by the CPU left free by what pods on them request, see node-choice.ts),
 * then creates the namespace and the first scenario's pods and waits until they are Ready (so that an
 * image or scheduling problem shows before anything is measured); the other profiles' pods come when
 * their scenarios do (`useProfile`). On any failure it cleans up before rethrowing.
 */
async function prepareRun(run, scenarios) {
    if (run.nodes !== undefined)
        throw new Error('a Kubernetes target can be prepared once');
    if (run.closed)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .InfraError */ .iG('the Kubernetes target was cleaned up before it was prepared');
    run.profiles = (0,_profiles_js__WEBPACK_IMPORTED_MODULE_9__/* .planProfiles */ ._0)(scenarios);
    run.tolerations = (0,_tolerations_js__WEBPACK_IMPORTED_MODULE_8__/* .parseTolerations */ .Ue)(run.settings.tolerations);
    (0,_label_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLabelSelector */ .l)(run.settings.nodeSelector ?? ''); // a usage error before anything is sent
    const api = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_10__/* .apiOf */ .ir)(run);
    run.serverVersion = await (0,_connection_js__WEBPACK_IMPORTED_MODULE_0__.step)(api, 'asking for its version', () => api.serverVersion());
    await (0,_reference_admission_js__WEBPACK_IMPORTED_MODULE_7__/* .checkGivenNamespace */ .F)(run); // before the CPU check: a reference that is off needs no CPU
    const choice = await pickNodes(run);
    run.nodes = { client: choice.client, server: choice.server };
    run.pinned = { client: pinned(choice.client), server: pinned(choice.server) };
    logChoice(run, choice);
    try {
        await createNamespace(run);
        const [first] = run.profiles;
        if (first !== undefined)
            await (0,_profile_switch_js__WEBPACK_IMPORTED_MODULE_6__/* .switchProfile */ .oC)(run, first);
    }
    catch (error) {
        await cleanupRun(run);
        throw error;
    }
}
/** Deletes what the run created and waits (bounded) until it is gone. Idempotent; logs, never throws. */
function cleanupRun(run) {
    run.closed = true;
    run.active = undefined;
    run.cleaning = run.cleaning.then(async () => {
        const { created } = run;
        if (run.api === undefined || (!created.namespaceCreated && created.pods.length === 0))
            return;
        const deleted = await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_12__.deleteCreatedResources)(run.api, created, run.log, run.cleanupWaitMs);
        if (!deleted)
            return; // kept, so that a later cleanup (or the post step) tries again
        created.namespaceCreated = false;
        created.pods = [];
    });
    return run.cleaning;
}


/***/ }),

/***/ 42875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AP: () => (/* binding */ runNetperfInPod),
/* harmony export */   Td: () => (/* binding */ netperfVersion),
/* harmony export */   X5: () => (/* binding */ endpointOf),
/* harmony export */   eH: () => (/* binding */ runNetperf),
/* harmony export */   hQ: () => (/* binding */ netperfVersionInPod)
/* harmony export */ });
/* unused harmony exports NETPERF_TIMEOUT_MARGIN_MS, NETPERF_VERSION_TIMEOUT_MS */
/* harmony import */ var _netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29284);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(70017);
/* harmony import */ var _local_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18362);
/* harmony import */ var _same_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87554);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7747);
/* harmony import */ var _pod_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54414);
/* harmony import */ var _profile_switch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8558);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(50417);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92474);
/** netperf in the client pods: where its server is, starting N instances together, `netperf -V`. */









/** Time a netperf exec may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
/** Bound for `netperf -V`. */
const NETPERF_VERSION_TIMEOUT_MS = 15_000;
/** The scenario's profile, which must be the one whose pods exist now. */
function activeProfileFor(run, scenario) {
    const profile = (0,_profiles_js__WEBPACK_IMPORTED_MODULE_5__/* .profileFor */ .P5)(run.profiles, scenario);
    if (run.active?.key !== profile.key) {
        throw new Error(`the pods of ${(0,_profile_switch_js__WEBPACK_IMPORTED_MODULE_4__/* .describeProfile */ .J2)(profile)} do not exist now: call useProfile(${scenario.name}) first`);
    }
    return profile;
}
/** Where the netserver of the scenario's profile listens, on the pod network or the host's. */
function endpointOf(run, scenario, network) {
    const profile = activeProfileFor(run, scenario);
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_6__.podName)(run.runId, 'server', profile.key, network);
    const host = run.podIps.get(name);
    if (host === undefined)
        throw new Error(`pod ${name} has no IP: the target was not prepared`);
    return { host, port: (0,_pod_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .netserverPort */ .Gg)(profile, network), dataPorts: _pod_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .NETPERF_DATA_PORTS */ .z4 };
}
/**
 * Runs the netperf processes in the client pod of the scenario's profile, each bounded. Identical
 * instances (or instances that differ only in their data port) start from ONE exec of the fan-out
 * script, which forks them within milliseconds: one
 * exec each spread 32 starts over about 0.3 s (a WebSocket upgrade and a process start per exec),
 * so the first ones ran alone while the last ones set up. Other argument lists get one exec each,
 * all started before any is awaited.
 */
function runNetperf(run, scenario, argvs, network) {
    const client = (0,_names_js__WEBPACK_IMPORTED_MODULE_6__.podName)(run.runId, 'client', activeProfileFor(run, scenario).key, network);
    return runNetperfInPod((0,_run_state_js__WEBPACK_IMPORTED_MODULE_7__/* .apiOf */ .ir)(run), run.created.namespace, client, scenario, argvs);
}
/**
 * Runs the netperf processes in one client pod, bounded by the scenario's duration plus
 * {@link NETPERF_TIMEOUT_MARGIN_MS}: one exec of the fan-out script when the instances allow it, else one
 * exec each (see {@link runNetperf}). The fleet's pairs call it too.
 */
async function runNetperfInPod(api, namespace, client, scenario, argvs) {
    const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
    const fanOut = (0,_same_command_js__WEBPACK_IMPORTED_MODULE_2__/* .fanOutCommand */ .b_)('netperf', argvs);
    if (fanOut !== undefined) {
        const output = await api.exec(namespace, client, _pod_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .CLIENT_CONTAINER */ .ub, fanOut, timeoutMs);
        return (0,_netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__/* .splitFanOutOutput */ .v7)(output, argvs.length);
    }
    return (0,_run_state_js__WEBPACK_IMPORTED_MODULE_7__/* .allOrFirstFailure */ .hE)(argvs.map((argv) => api.exec(namespace, client, _pod_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .CLIENT_CONTAINER */ .ub, ['netperf', ...argv], timeoutMs)));
}
/**
 * `netperf -V` in the client pod of the profile in use, asked once. Best effort: the measurements are
 * done by now and must not be lost over a version string.
 */
async function netperfVersion(run) {
    if (run.netperfVersion !== undefined)
        return run.netperfVersion;
    const profile = run.active;
    if (profile === undefined)
        return 'unknown';
    const client = (0,_names_js__WEBPACK_IMPORTED_MODULE_6__.podName)(run.runId, 'client', profile.key, 'pod');
    const version = await netperfVersionInPod((0,_run_state_js__WEBPACK_IMPORTED_MODULE_7__/* .apiOf */ .ir)(run), run.created.namespace, client, run.log);
    if (version !== 'unknown')
        run.netperfVersion = version;
    return version;
}
/** `netperf -V` in one client pod, bounded; "unknown" (with one line logged) when it fails. */
async function netperfVersionInPod(api, namespace, client, log) {
    try {
        const command = ['netperf', '-V'];
        const output = await api.exec(namespace, client, _pod_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .CLIENT_CONTAINER */ .ub, command, NETPERF_VERSION_TIMEOUT_MS);
        return (0,_local_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .parseNetperfVersion */ .s7)(output.stdout);
    }
    catch (error) {
        log(`kubernetes: netperf -V in pod ${client} failed (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .formatError */ .Wk)(error)}); version recorded as unknown`);
        return 'unknown';
    }
}


/***/ }),

/***/ 19759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ chooseNodes),
/* harmony export */   U1: () => (/* binding */ exclusionReasons),
/* harmony export */   XP: () => (/* binding */ allocatableMillis),
/* harmony export */   sH: () => (/* binding */ parseCpuMillis)
/* harmony export */ });
/* unused harmony exports isReady, freeMillis */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _label_selector_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67075);
/* harmony import */ var _node_roles_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99719);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50417);
/* harmony import */ var _tolerations_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33189);





const SI_FACTORS = { m: 0.001, '': 1, k: 1e3, M: 1e6, G: 1e9 };
/** A CPU quantity ("8", "7910m", "0.5") in millicores; NaN when it is not one. */
function parseCpuMillis(quantity) {
    const match = /^([0-9.]+(?:e[0-9]+)?)(m|k|M|G)?$/.exec(quantity?.trim() ?? '');
    if (match?.[1] === undefined)
        return Number.NaN;
    return Math.round(Number(match[1]) * (SI_FACTORS[match[2] ?? ''] ?? Number.NaN) * 1000);
}
/** Allocatable CPU of a node in millicores (0 when missing or unreadable). */
function allocatableMillis(node) {
    const millis = parseCpuMillis(node.status?.allocatable?.cpu);
    return Number.isNaN(millis) ? 0 : millis;
}
/** Whether the node's Ready condition is True. */
function isReady(node) {
    return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
function nameOf(node) {
    return node.metadata?.name ?? '?';
}
/** CPU of a node not yet requested by pods on it, in millicores (allocatable when that is unknown). */
function freeMillis(node, requested) {
    return allocatableMillis(node) - (requested?.get(nameOf(node)) ?? 0);
}
/** "31 free of 32 allocatable", or "32 allocatable" when what pods request is unknown. */
function describeFree(node, input) {
    const allocatable = (0,_profiles_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCpus */ .tQ)(allocatableMillis(node));
    if (input.requestedMillis === undefined)
        return `${allocatable} allocatable`;
    return `${(0,_profiles_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCpus */ .tQ)(freeMillis(node, input.requestedMillis))} free of ${allocatable} allocatable`;
}
/** Why a node cannot take the pods, apart from CPU and the selector; empty when it can. */
function placementProblems(node, input, named = false) {
    const problems = [];
    // A control-plane node runs the API server and etcd: a benchmark there disturbs both, and it them.
    if (!named && input.allowControlPlane !== true && (0,_node_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .isControlPlane */ .gx)(node))
        return ['control-plane node: add --allow-control-plane to use it'];
    if (!isReady(node))
        problems.push('NotReady');
    if (node.spec?.unschedulable === true)
        problems.push('cordoned');
    const taints = (0,_tolerations_js__WEBPACK_IMPORTED_MODULE_2__/* .blockingTaints */ .ZF)(node.spec?.taints ?? [], input.tolerations).map(_tolerations_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTaint */ .eh);
    if (taints.length > 0) {
        const flags = taints.map((taint) => `--toleration ${taint}`).join(' ');
        problems.push(`taint${taints.length > 1 ? 's' : ''} ${taints.join(', ')} not tolerated: add ${flags}`);
    }
    return problems;
}
function matches(node, input) {
    return (0,_label_selector_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesSelector */ .B)(node.metadata?.labels, input.selector);
}
function hasCpu(node, input) {
    return freeMillis(node, input.requestedMillis) >= input.needMillis;
}
function cpuError(nodes, input) {
    const list = nodes.map((node) => `${nameOf(node)} ${describeFree(node, input)}`).join(', ');
    const which = input.requestedMillis === undefined ? 'allocatable (free CPU unknown)' : 'free';
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`Each node needs ${input.needText} ${which}; CPUs: ${list}. Use bigger nodes, free CPU on them or leave out the largest scenarios (--scenarios).`);
}
function namedNode(input, name, flag) {
    const node = input.nodes.find((candidate) => nameOf(candidate) === name);
    if (node === undefined) {
        const names = input.nodes.map(nameOf).join(', ') || 'none';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`Unknown ${flag} '${name}'. Nodes in the cluster: ${names}.`);
    }
    const problems = placementProblems(node, input, true);
    if (problems.length > 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${flag} ${name} cannot take the pods: ${problems.join('; ')}.`);
    if (!hasCpu(node, input))
        throw cpuError([node], input);
    return node;
}
/** "of the 2 matching nodes: perf-1 (taint …), perf-2 (ok)": why each candidate was left out. */
function describeCandidates(input, excluded) {
    const candidates = input.nodes.filter((node) => !excluded.includes(nameOf(node)) && matches(node, input));
    const which = input.selectorText === undefined ? 'nodes' : 'matching nodes';
    const each = candidates.map((node) => `${nameOf(node)} (${exclusionReasons(node, input).join('; ') || 'ok'})`);
    return candidates.length === 0
        ? `there are no ${which}`
        : `of the ${candidates.length} ${which}: ${each.join(', ')}`;
}
/** Every reason a node is left out of the automatic choice (empty: it can be chosen); the fleet's choice uses it too. */
function exclusionReasons(node, input) {
    const problems = placementProblems(node, input);
    if (problems.length === 0 && !hasCpu(node, input))
        problems.push(`${describeFree(node, input)} < ${(0,_profiles_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCpus */ .tQ)(input.needMillis)} needed`);
    return problems;
}
/** "not chosen: perf-1 (31 free of 32 allocatable < 32 needed)" for each matching node left out, by name. */
function describeExclusions(input, named) {
    if (named.length === 2)
        return [];
    return input.nodes
        .filter((node) => !named.includes(nameOf(node)) && matches(node, input))
        .map((node) => ({ node, reasons: exclusionReasons(node, input) }))
        .filter(({ reasons }) => reasons.length > 0)
        .sort((a, b) => nameOf(a.node).localeCompare(nameOf(b.node)))
        .map(({ node, reasons }) => `not chosen: ${nameOf(node)} (${reasons.join('; ')})`);
}
function pickAutomatically(input, count, excluded) {
    const placeable = input.nodes
        .filter((node) => !excluded.includes(nameOf(node)) && matches(node, input))
        .filter((node) => placementProblems(node, input).length === 0)
        // By name: the same cluster gives the same nodes run after run, so results stay comparable.
        .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    const fitting = placeable.filter((node) => hasCpu(node, input));
    if (fitting.length >= count)
        return fitting.slice(0, count);
    if (placeable.length >= count)
        throw cpuError(placeable, input);
    const selector = input.selectorText ? ` matching --node-selector '${input.selectorText}'` : '';
    const needed = count === 2 ? 'two Ready, schedulable nodes' : 'one more Ready, schedulable node';
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`Need ${needed}${selector}; ${describeCandidates(input, excluded)}.`);
}
/**
 * Chooses client and server nodes: the ones named, else the first by name among Ready, schedulable
 * nodes that match the selector, are not control-plane nodes (unless allowed), whose NoSchedule/NoExecute
 * taints are tolerated and that have the CPU free (allocatable − what pods on them request). A node given
 * by name may be a control-plane node: naming it is asking for it. Never one node for both. Throws a
 * UsageError saying what is missing.
 */
function chooseNodes(input) {
    const { clientNode, serverNode } = input;
    if (clientNode !== undefined && clientNode === serverNode) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`--client-node and --server-node are both '${clientNode}'. Expected two different nodes: the measurement is between nodes.`);
    }
    const client = clientNode === undefined ? undefined : namedNode(input, clientNode, '--client-node');
    const server = serverNode === undefined ? undefined : namedNode(input, serverNode, '--server-node');
    const named = [clientNode, serverNode].filter((name) => name !== undefined);
    const picked = pickAutomatically(input, 2 - named.length, named);
    const chosenClient = client ?? picked.shift();
    const chosenServer = server ?? picked.shift();
    if (chosenClient === undefined || chosenServer === undefined)
        throw new Error('node choice picked too few');
    return {
        client: chosenClient,
        server: chosenServer,
        why: whyLine(input, named.length, chosenClient, chosenServer),
        excluded: describeExclusions(input, named),
    };
}
function whyLine(input, namedCount, client, server) {
    const nodes = `client node ${nameOf(client)}, server node ${nameOf(server)}`;
    if (namedCount === 2)
        return `${nodes} (given by --client-node and --server-node)`;
    const selector = input.selectorText ? ` matching '${input.selectorText}'` : '';
    const given = namedCount === 1 ? 'one given, the other ' : '';
    const cpu = input.requestedMillis === undefined ? 'allocatable' : 'free';
    const role = input.allowControlPlane === true ? '' : ' worker';
    return `${nodes} (${given}first by name among Ready, schedulable${role} nodes${selector} with tolerated taints and ≥ ${(0,_profiles_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCpus */ .tQ)(input.needMillis)} ${cpu} CPUs)`;
}


/***/ }),

/***/ 68161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ readRequestedCpu)
});

// UNUSED EXPORTS: REQUESTED_CPU_UNKNOWN

// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(34111);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-choice.ts
var node_choice = __webpack_require__(19759);
;// CONCATENATED MODULE: ./src/targets/kubernetes/node-cpu.ts

/**
 * The field selector for pods that hold their requests: the scheduler counts every pod bound to a
 * node until it has finished (Pending ones included: their CPU is reserved once bound).
 */
const NON_TERMINAL_PODS = 'status.phase!=Succeeded,status.phase!=Failed';
/** CPU request of a container in millicores: `requests.cpu`, else `limits.cpu` (the API server's default), else 0. */
function containerMillis(container) {
    const resources = container.resources;
    const millis = (0,node_choice/* parseCpuMillis */.sH)(resources?.requests?.cpu ?? resources?.limits?.cpu);
    return Number.isNaN(millis) ? 0 : millis;
}
/**
 * A pod's effective CPU request: the larger of its containers (plus sidecar init containers, those with
 * `restartPolicy: Always`, which run beside them) and the largest init container at its step (plus the
 * sidecars started before it), then the pod overhead (RuntimeClass).
 */
function podCpuRequestMillis(pod) {
    const spec = pod.spec;
    const containers = (spec?.containers ?? []).reduce((sum, c) => sum + containerMillis(c), 0);
    let sidecars = 0;
    let initPeak = 0;
    for (const init of spec?.initContainers ?? []) {
        const millis = containerMillis(init);
        if (init.restartPolicy === 'Always') {
            sidecars += millis;
            initPeak = Math.max(initPeak, sidecars);
        }
        else
            initPeak = Math.max(initPeak, millis + sidecars);
    }
    const overhead = (0,node_choice/* parseCpuMillis */.sH)(spec?.overhead?.cpu);
    return Math.max(containers + sidecars, initPeak) + (Number.isNaN(overhead) ? 0 : overhead);
}
/** Whether a pod still holds its node's CPU: bound to one and not Succeeded or Failed. */
function holdsCpu(pod) {
    const phase = pod.status?.phase;
    return pod.spec?.nodeName !== undefined && phase !== 'Succeeded' && phase !== 'Failed';
}
/** CPU requested per node name, in millicores, by the pods that hold CPU. */
function requestedMillisByNode(pods) {
    const requested = new Map();
    for (const pod of pods) {
        const node = pod.spec?.nodeName;
        if (node === undefined || !holdsCpu(pod))
            continue;
        requested.set(node, (requested.get(node) ?? 0) + podCpuRequestMillis(pod));
    }
    return requested;
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/node-load.ts
/** Reads what the pods already on the nodes request, for the node choice; a refusal only costs precision. */



/** The warning when pods may not be listed cluster-wide: what is lost and the rule that brings it back. */
const REQUESTED_CPU_UNKNOWN = 'warning: free CPU per node unknown (listing pods in all namespaces is forbidden): nodes are compared by allocatable CPU, so a node whose DaemonSets and other pods hold CPU may be chosen and its pods stay Pending; grant list on pods at cluster scope (a ClusterRole, as in deploy/rbac/)';
/**
 * CPU requested per node by the pods on it (every namespace, not finished), or undefined with one
 * warning logged when the API refuses the cluster-wide list (403). Other failures are errors.
 */
async function readRequestedCpu(api, log) {
    try {
        return requestedMillisByNode(await api.listAllPods(NON_TERMINAL_PODS));
    }
    catch (error) {
        if ((0,api_errors/* readApiFailure */.HQ)(error).status !== 403)
            throw (0,connection.explainApiError)('listing pods in all namespaces (CPU requested on the nodes)', error, api.server);
        log(`kubernetes: ${REQUESTED_CPU_UNKNOWN}`);
        return undefined;
    }
}


/***/ }),

/***/ 99719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ zoneWarning),
/* harmony export */   gx: () => (/* binding */ isControlPlane),
/* harmony export */   kE: () => (/* binding */ zoneOf)
/* harmony export */ });
/* unused harmony exports CONTROL_PLANE_KEY, LEGACY_MASTER_KEY, ZONE_LABEL */
/** The label and taint kubeadm (and most installers) put on control-plane nodes. */
const CONTROL_PLANE_KEY = 'node-role.kubernetes.io/control-plane';
/** The same before Kubernetes 1.24 (still set by some installers). */
const LEGACY_MASTER_KEY = 'node-role.kubernetes.io/master';
/** The well-known zone label (cloud providers and most on-premises installers set it). */
const ZONE_LABEL = 'topology.kubernetes.io/zone';
const ROLE_KEYS = [CONTROL_PLANE_KEY, LEGACY_MASTER_KEY];
/** Whether a node is a control-plane node: by its role label or its control-plane taint. */
function isControlPlane(node) {
    const labels = node.metadata?.labels ?? {};
    if (ROLE_KEYS.some((key) => key in labels))
        return true;
    return (node.spec?.taints ?? []).some((taint) => ROLE_KEYS.includes(taint.key));
}
/** The node's zone label, or undefined. */
function zoneOf(node) {
    const zone = node.metadata?.labels?.[ZONE_LABEL];
    return zone === undefined || zone === '' ? undefined : zone;
}
/**
 * One warning line when the two nodes are in different zones (cilium-cli warns the same): traffic
 * between zones crosses more network and often costs money, and results differ from same-zone runs.
 */
function zoneWarning(client, server) {
    const clientZone = zoneOf(client);
    const serverZone = zoneOf(server);
    if (clientZone === undefined || serverZone === undefined || clientZone === serverZone)
        return undefined;
    const names = `${client.metadata?.name ?? '?'} (${clientZone}) and ${server.metadata?.name ?? '?'} (${serverZone})`;
    return `warning: client and server nodes are in different zones, ${names}: results include the path between zones and are not comparable with same-zone runs; pick nodes with --client-node/--server-node or --node-selector ${ZONE_LABEL}=${clientZone}`;
}


/***/ }),

/***/ 81285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ pickPodAddress)
/* harmony export */ });
/* unused harmony exports familyOf, podAddresses */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** The family of an address: IPv6 literals are the ones with colons. */
function familyOf(address) {
    return address.includes(':') ? 'ipv6' : 'ipv4';
}
/** Every IP of a pod, in the API's order (podIPs, or podIP alone on old API servers). */
function podAddresses(pod) {
    const listed = (pod.status?.podIPs ?? []).map((entry) => entry.ip).filter((ip) => ip !== '');
    if (listed.length > 0)
        return listed;
    return pod.status?.podIP ? [pod.status.podIP] : [];
}
/**
 * The pod's address of `family`, or its first (the cluster's primary family) without one; undefined
 * when the pod has no IP yet. Throws a UsageError when the cluster gives pods no address of `family`.
 */
function pickPodAddress(pod, family) {
    const addresses = podAddresses(pod);
    if (addresses.length === 0)
        return undefined;
    if (family === undefined)
        return addresses[0];
    const address = addresses.find((candidate) => familyOf(candidate) === family);
    if (address !== undefined)
        return address;
    const other = family === 'ipv4' ? 'ipv6' : 'ipv4';
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--ip-family ${family}: pod ${pod.metadata?.name} has no ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address (podIPs: ${addresses.join(', ')}); the cluster is ${other}-only, so use --ip-family ${other} or leave it out`);
}


/***/ }),

/***/ 54414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ HOSTNAME_LABEL),
/* harmony export */   Gg: () => (/* binding */ netserverPort),
/* harmony export */   KX: () => (/* binding */ buildNamespace),
/* harmony export */   S$: () => (/* binding */ buildPod),
/* harmony export */   el: () => (/* binding */ SERVER_CONTAINER),
/* harmony export */   rK: () => (/* binding */ buildPairPods),
/* harmony export */   ub: () => (/* binding */ CLIENT_CONTAINER),
/* harmony export */   z4: () => (/* binding */ NETPERF_DATA_PORTS)
/* harmony export */ });
/* unused harmony exports POD_MEMORY, REFERENCE_MEMORY_REQUEST, RUN_AS_USER, CLIENT_SLEEP_SECONDS, TERMINATION_GRACE_SECONDS, STARTUP_PROBE_FAILURES, podResources, buildRunPods */
/* harmony import */ var _suite_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67141);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7747);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50417);



/** Container running netserver in a server pod. */
const SERVER_CONTAINER = 'netserver';
/** Container netperf is exec'd in, in a client pod. */
const CLIENT_CONTAINER = 'netperf';
/** Memory per pod (request = limit): 32 streams' socket buffers are charged to the pod's cgroup. */
const POD_MEMORY = '1Gi';
/**
 * Memory a host-network reference pod requests: netperf itself needs little. Its limit stays
 * {@link POD_MEMORY}, so the sockets of both paths are charged against a cgroup of the same size.
 */
const REFERENCE_MEMORY_REQUEST = '64Mi';
/** Non-root user the containers run as: netperf and netserver need no privilege on ports above 1024. */
const RUN_AS_USER = 65534;
/**
 * How long the client pod's `sleep` lasts: longer than any run (115 days). A number, not `infinity`,
 * because busybox images do not all accept `infinity`.
 */
const CLIENT_SLEEP_SECONDS = 10_000_000;
/** The pods hold no state: they may be killed at once on cleanup (`sleep` as pid 1 ignores SIGTERM). */
const TERMINATION_GRACE_SECONDS = 1;
/**
 * netperf's data ports on the server side (test-specific `-P ,PORT`, instance i uses first + i): fixed,
 * so a default-deny NetworkPolicy can allow exactly them and the control port (deploy/network-policy).
 * As many as the instances a scenario may run (the suite's concurrency limit), from 42424.
 */
const NETPERF_DATA_PORTS = { first: 42424, count: _suite_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.concurrency.max };
/** Startup probe failures (1 s apart) before the kubelet gives up on netserver: 2 minutes. */
const STARTUP_PROBE_FAILURES = 120;
/** The label the kubelet puts on its node. */
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/**
 * The run's own namespace. Pod Security admission enforces `restricted` on it, which our pod-network
 * pods satisfy; host-network pods are only allowed at `privileged` (baseline and restricted forbid host
 * namespaces), so that level is asked for when the host-network reference is on.
 */
function buildNamespace(runId, name, hostNetworkReference) {
    return {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
            name,
            labels: {
                ...(0,_names_js__WEBPACK_IMPORTED_MODULE_1__.runLabels)(runId),
                'pod-security.kubernetes.io/enforce': hostNetworkReference ? 'privileged' : 'restricted',
            },
        },
    };
}
/** The netserver control port of a pod: the default on the pod network, one per profile on the host's. */
function netserverPort(profile, network) {
    return network === 'host' ? profile.hostNetworkPort : _profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .NETSERVER_PORT */ .hr;
}
/**
 * Requests = limits for sized profiles, so the pod is Guaranteed QoS and a static CPU manager gives
 * it whole cores. An unlimited profile requests a little CPU and sets no CPU limit (Burstable QoS):
 * it may use any idle core of the node, like netperf on a bare host. Host-network reference pods are
 * Burstable whatever the profile: they only measure while the pod pair is idle, so they need no cores
 * of their own (under the static policy they run on the shared pool, under `none` on any core).
 */
function podResources(profile, network = 'pod') {
    if (network === 'host') {
        return {
            requests: { cpu: `${_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .REFERENCE_CPU_REQUEST_MILLIS */ .c9}m`, memory: REFERENCE_MEMORY_REQUEST },
            limits: { memory: POD_MEMORY },
        };
    }
    if (profile.cpus === null) {
        return {
            requests: { cpu: `${_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .UNLIMITED_CPU_REQUEST_MILLIS */ .oU}m`, memory: POD_MEMORY },
            limits: { memory: POD_MEMORY },
        };
    }
    const sized = { cpu: String(profile.cpus), memory: POD_MEMORY };
    return { requests: { ...sized }, limits: { ...sized } };
}
function container(input) {
    const common = {
        image: input.image,
        imagePullPolicy: 'IfNotPresent',
        resources: podResources(input.profile, input.network),
        securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            runAsNonRoot: true,
            runAsUser: RUN_AS_USER,
            runAsGroup: RUN_AS_USER,
            seccompProfile: { type: 'RuntimeDefault' },
        },
    };
    if (input.role === 'client') {
        return { name: CLIENT_CONTAINER, command: ['sleep', String(CLIENT_SLEEP_SECONDS)], ...common };
    }
    const port = netserverPort(input.profile, input.network);
    return {
        name: SERVER_CONTAINER,
        // -D: stay in the foreground (the container's main process). No -4/-6: netserver then listens on
        // `::` with IPv4 mapped, so one pod serves IPv4, IPv6 and dual-stack clusters alike.
        command: ['netserver', '-D', '-p', String(port)],
        ports: [{ name: 'netserver', containerPort: port, protocol: 'TCP' }],
        // Started (and so Ready) = netserver accepts connections; the runner only starts netperf against
        // Ready pods. A startup probe only: a readiness probe would keep connecting every period during the
        // measurement, and each connection makes netserver fork and write its debug file.
        startupProbe: {
            tcpSocket: { port },
            periodSeconds: 1,
            timeoutSeconds: 1,
            failureThreshold: STARTUP_PROBE_FAILURES,
        },
        ...common,
    };
}
/** A server (netserver) or client (netperf via exec) pod of one CPU profile, pinned to its node. */
function buildPod(input) {
    const { runId, profile, role, network } = input;
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
            name: (0,_names_js__WEBPACK_IMPORTED_MODULE_1__.podName)(runId, role, profile.key, network),
            namespace: input.namespace,
            labels: {
                ...(0,_names_js__WEBPACK_IMPORTED_MODULE_1__.runLabels)(runId),
                [_names_js__WEBPACK_IMPORTED_MODULE_1__.ROLE_LABEL]: role,
                [_names_js__WEBPACK_IMPORTED_MODULE_1__.PROFILE_LABEL]: profile.key,
                [_names_js__WEBPACK_IMPORTED_MODULE_1__.NETWORK_LABEL]: network,
            },
        },
        spec: {
            ...(input.node.hostname === undefined
                ? {}
                : { nodeSelector: { [HOSTNAME_LABEL]: input.node.hostname } }),
            affinity: {
                nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                        nodeSelectorTerms: [
                            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [input.node.name] }] },
                        ],
                    },
                },
            },
            tolerations: [...input.tolerations],
            ...(network === 'host' ? { hostNetwork: true } : {}),
            containers: [container(input)],
            // A netserver that crashed and came back would change what is measured: fail the run instead.
            restartPolicy: 'Never',
            terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: {
                runAsNonRoot: true,
                runAsUser: RUN_AS_USER,
                runAsGroup: RUN_AS_USER,
                seccompProfile: { type: 'RuntimeDefault' },
            },
        },
    };
}
/** The server (on the server node) and the client (on the client node) of one profile on one network. */
function buildPairPods(base, profile, nodes, network) {
    return ['server', 'client'].map((role) => buildPod({ ...base, profile, role, network, node: role === 'server' ? nodes.server : nodes.client }));
}
/** Every pod of a run: per profile a server and a client on the pod network, and on the host's when asked. */
function buildRunPods(base, profiles, nodes, hostNetworkReference) {
    const networks = hostNetworkReference ? ['pod', 'host'] : ['pod'];
    return networks.flatMap((network) => profiles.flatMap((profile) => buildPairPods(base, profile, nodes, network)));
}


/***/ }),

/***/ 236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dK: () => (/* binding */ POD_READY_TIMEOUT_MS),
  z9: () => (/* binding */ POD_UNSCHEDULABLE_TIMEOUT_MS),
  o6: () => (/* binding */ waitForPodsReady)
});

// UNUSED EXPORTS: WAIT_CHECK_INTERVAL_MS, WATCH_RESTART_DELAY_MS, judgeWait

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
;// CONCATENATED MODULE: ./src/targets/kubernetes/pod-status.ts
/** Container waiting reasons that do not pass by themselves: the run fails at once on them. */
const FATAL_WAITING_REASONS = new Set([
    'ErrImagePull',
    'ImagePullBackOff',
    'InvalidImageName',
    'ErrImageNeverPull',
    'CrashLoopBackOff',
    'CreateContainerConfigError',
    'CreateContainerError',
    'RunContainerError',
]);
/**
 * Reasons a kubelet gives a pod it refuses to admit (phase Failed before any container ran): resource
 * fit at admission (OutOf…), the CPU manager (SMTAlignmentError under `full-pcpus-only`), the topology
 * manager, device plugins (UnexpectedAdmissionError), node affinity or a node shutting down.
 */
const KUBELET_ADMISSION_REASONS = new Set([
    'OutOfcpu',
    'OutOfmemory',
    'OutOfpods',
    'OutOfephemeral-storage',
    'SMTAlignmentError',
    'TopologyAffinityError',
    'UnexpectedAdmissionError',
    'NodeAffinity',
    'NodeShutdown',
    'Evicted',
]);
function withMessage(reason, message) {
    const text = message?.split('\n')[0]?.trim();
    return text ? `${reason ?? 'unknown'}: ${text}` : (reason ?? 'unknown');
}
/** A reason the pod cannot become Ready by waiting (image, crash, ended), or undefined. */
function podFailure(pod) {
    const reason = pod.status?.reason;
    if (pod.status?.phase === 'Failed' && reason !== undefined && KUBELET_ADMISSION_REASONS.has(reason))
        return { trouble: 'rejected', reason: withMessage(reason, pod.status?.message) };
    for (const status of pod.status?.containerStatuses ?? []) {
        const waiting = status.state?.waiting;
        if (waiting?.reason !== undefined && FATAL_WAITING_REASONS.has(waiting.reason)) {
            const trouble = waiting.reason.includes('Image') ? 'image' : 'container';
            return { trouble, reason: withMessage(waiting.reason, waiting.message) };
        }
        const terminated = status.state?.terminated;
        if (terminated !== undefined) {
            const how = `container ${status.name} exited with code ${terminated.exitCode}`;
            return {
                trouble: 'container',
                reason: withMessage(terminated.reason ?? 'Terminated', `${how}${terminated.message ? ` (${terminated.message})` : ''}`),
            };
        }
    }
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
        return { trouble: 'ended', reason: withMessage(pod.status?.reason ?? phase, pod.status?.message) };
    }
    return undefined;
}
/** Running with its Ready condition True (for netserver: the TCP readiness probe passed). */
function isPodReady(pod) {
    if (pod.status?.phase !== 'Running')
        return false;
    return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
/** The scheduler's "Unschedulable: 0/3 nodes are available: …", when it could not place the pod. */
function unschedulableReason(pod) {
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable')
        return undefined;
    return withMessage(scheduled.reason, scheduled.message);
}
/** Where a pod that is not Ready yet stands: for the message when the wait runs out. */
function pendingState(pod) {
    if (pod === undefined)
        return 'not created';
    const unschedulable = unschedulableReason(pod);
    if (unschedulable !== undefined)
        return unschedulable;
    const waiting = pod.status?.containerStatuses?.find((status) => status.state?.waiting)?.state?.waiting;
    if (waiting !== undefined)
        return withMessage(waiting.reason ?? 'Waiting', waiting.message);
    const phase = pod.status?.phase ?? 'Pending';
    return phase === 'Running' ? 'Running, not Ready (netserver not accepting connections yet)' : phase;
}
function eventTime(event) {
    const when = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata?.creationTimestamp;
    return when === undefined ? 0 : new Date(when).getTime();
}
/** The latest event about a pod, as "Reason: message", or undefined when there is none. */
function lastEventFor(events, podName) {
    const mine = events.filter((e) => e.involvedObject?.kind === 'Pod' && e.involvedObject.name === podName);
    const latest = mine.reduce((last, e) => (last === undefined || eventTime(e) >= eventTime(last) ? e : last), undefined);
    return latest === undefined ? undefined : withMessage(latest.reason, latest.message);
}
/** What to check for each kind of trouble. */
function troubleHint(trouble, namespace, pod) {
    switch (trouble) {
        case 'image':
            return 'check --image and that the nodes can pull it (registry access, pull secrets)';
        case 'container':
        case 'ended':
            return `check \`kubectl -n ${namespace} logs ${pod}\` (is netperf/netserver in the image, can it run as a non-root user?)`;
        case 'rejected':
            return `the node's kubelet refused the pod: check its CPU and topology manager policies and what else runs there (\`kubectl describe node\`; SMTAlignmentError: full-pcpus-only wants whole physical cores, an even CPU count on SMT nodes), or choose other nodes`;
        case 'unschedulable':
            return "check the node's allocatable CPU and memory, its taints (--toleration) and other pods on it";
        case 'slow':
            return `check \`kubectl -n ${namespace} describe pod ${pod}\` and the node's kubelet`;
    }
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/pod-wait.ts



/** Bound for all pods to be Ready: a cold node may pull the image (about 100 MB) first. */
const POD_READY_TIMEOUT_MS = 300_000;
/** How long a pod may stay unschedulable: the nodes are fixed, so waiting longer rarely helps. */
const POD_UNSCHEDULABLE_TIMEOUT_MS = 60_000;
/** How often the bounds are checked between watch events. */
const WAIT_CHECK_INTERVAL_MS = 1_000;
/** Pause before listing again after a watch ended. */
const WATCH_RESTART_DELAY_MS = 500;
/** Judges the wait at `nowMs`: pure, apart from noting when a pod was first seen unschedulable. */
function judgeWait(names, state, nowMs, bounds) {
    for (const name of names) {
        const pod = state.pods.get(name);
        const failure = pod === undefined ? undefined : podFailure(pod);
        if (failure !== undefined)
            return { stuck: name, problem: failure };
        const unschedulable = pod === undefined ? undefined : unschedulableReason(pod);
        if (unschedulable === undefined) {
            state.unschedulableSince.delete(name);
            continue;
        }
        const since = state.unschedulableSince.get(name) ?? nowMs;
        state.unschedulableSince.set(name, since);
        if (nowMs - since >= bounds.unschedulableMs) {
            const seconds = bounds.unschedulableMs / 1000;
            return {
                stuck: name,
                problem: { trouble: 'unschedulable', reason: `stayed Pending for ${seconds} s: ${unschedulable}` },
            };
        }
    }
    if (names.every((name) => {
        const pod = state.pods.get(name);
        return pod !== undefined && isPodReady(pod);
    }))
        return { ready: true };
    if (nowMs - state.startedMs < bounds.readyMs)
        return undefined;
    const late = names.find((name) => {
        const pod = state.pods.get(name);
        return pod === undefined || !isPodReady(pod);
    }) ?? '?';
    const reason = `not Ready within ${bounds.readyMs / 1000} s: ${pendingState(state.pods.get(late))}`;
    return { stuck: late, problem: { trouble: 'slow', reason } };
}
async function stuckError(request, name, problem) {
    const events = await request.api.listEvents(request.namespace).catch(() => []);
    const event = lastEventFor(events, name);
    const last = event === undefined ? '' : ` (last event: ${event})`;
    return new errors/* InfraError */.iG(`${request.describe(name)} ${problem.reason}${last}; ${troubleHint(problem.trouble, request.namespace, name)}`);
}
/** One wait: the pods as last seen, the watch in use, and how the wait ends. */
class PodWaiter {
    request;
    resolve;
    reject;
    now;
    state;
    settled = false;
    watch;
    endWatch = () => { };
    ticker;
    constructor(request, resolve, reject) {
        this.request = request;
        this.resolve = resolve;
        this.reject = reject;
        this.now = request.now ?? Date.now;
        this.state = { pods: new Map(), unschedulableSince: new Map(), startedMs: this.now() };
    }
    /** Lists, watches, and lists again whenever a watch ends, until the verdict is in. */
    async run() {
        this.ticker = setInterval(() => this.check(), WAIT_CHECK_INTERVAL_MS);
        try {
            while (!this.settled) {
                const { namespace, selector } = this.request;
                const list = await this.request.api.listPods(namespace, selector);
                for (const pod of list.pods)
                    this.pods.set(pod.metadata?.name ?? '', pod);
                this.check();
                if (!this.settled)
                    await this.follow(list.resourceVersion);
                if (!this.settled)
                    await new Promise((pause) => setTimeout(pause, WATCH_RESTART_DELAY_MS));
            }
        }
        catch (error) {
            const server = this.request.api.server;
            this.settle(() => this.reject((0,connection.explainApiError)('watching the pods start', error, server)));
        }
    }
    get pods() {
        return this.state.pods;
    }
    /** Watches from `resourceVersion` until the watch ends (server, network, ERROR event) or the wait does. */
    follow(resourceVersion) {
        return new Promise((resume) => {
            this.endWatch = resume;
            const onEvent = ({ type, object }) => {
                if (type === 'ERROR')
                    return resume(); // e.g. 410 Gone: list again
                if (type === 'DELETED')
                    this.pods.delete(object.metadata?.name ?? '');
                else if (type !== 'BOOKMARK')
                    this.pods.set(object.metadata?.name ?? '', object);
                this.check();
            };
            const { api, namespace, selector } = this.request;
            api
                .watchPods(namespace, selector, resourceVersion, onEvent, () => resume())
                .then((handle) => {
                this.watch = handle;
                if (this.settled)
                    handle.stop();
            }, () => resume());
        }).finally(() => this.watch?.stop());
    }
    check() {
        const verdict = judgeWait(this.request.podNames, this.state, this.now(), this.request.bounds);
        if (verdict === undefined)
            return;
        if ('ready' in verdict)
            this.settle(() => this.resolve(this.pods));
        else
            this.settle(async () => this.reject(await stuckError(this.request, verdict.stuck, verdict.problem)));
    }
    settle(outcome) {
        if (this.settled)
            return;
        this.settled = true;
        clearInterval(this.ticker);
        this.watch?.stop();
        this.endWatch();
        Promise.resolve().then(outcome).catch(this.reject);
    }
}
/** Resolves with the pods once all are Ready; rejects with a one-line InfraError otherwise. */
function waitForPodsReady(request) {
    return new Promise((resolve, reject) => {
        void new PodWaiter(request, resolve, reject).run();
    });
}


/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fn: () => (/* binding */ checkpoint),
  J2: () => (/* binding */ describeProfile),
  M8: () => (/* binding */ explainCreateFailure),
  oC: () => (/* binding */ switchProfile)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(34111);
// EXTERNAL MODULE: ./src/targets/kubernetes/cleanup.ts
var cleanup = __webpack_require__(6087);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
;// CONCATENATED MODULE: ./src/targets/kubernetes/cpu-pinning.ts
/** How many CPUs a `Cpus_allowed_list` value names: "0-3,8,10-11" → 7. */
function countCpuList(list) {
    let count = 0;
    for (const range of list.trim().split(',')) {
        const match = /^(\d+)(?:-(\d+))?$/.exec(range);
        if (match === null)
            return undefined;
        const from = Number(match[1]);
        const to = match[2] === undefined ? from : Number(match[2]);
        if (to < from)
            return undefined;
        count += to - from + 1;
    }
    return count;
}
/** The CPU count of `Cpus_allowed_list` in a `/proc/<pid>/status` text; undefined when absent. */
function allowedCpusFromStatus(statusText) {
    const list = /^Cpus_allowed_list:\s*(\S+)\s*$/m.exec(statusText)?.[1];
    return list === undefined ? undefined : countCpuList(list);
}
/** Why a pod of a sized profile does not have exclusive cores, or undefined when it does. */
function notExclusive(profile, pod) {
    const cpus = profile.cpus ?? 0;
    if (pod.qosClass !== 'Guaranteed') {
        return `${pod.role} pod ${pod.pod} is ${pod.qosClass}, not Guaranteed (did a webhook inject a sidecar without CPU limits?)`;
    }
    if (pod.allowedCpus === undefined)
        return undefined;
    if (pod.allowedCpus > cpus) {
        return `${pod.role} pod ${pod.pod} may run on ${pod.allowedCpus} CPUs for ${cpus} requested (the kubelet's CPU manager policy is not static)`;
    }
    return undefined;
}
/** The profile's pinning as the fingerprint records it: no pod names or CPU ids, so runs compare. */
function describePinning(profile, pods) {
    const each = pods
        .map((pod) => `${pod.role} ${pod.qosClass} ${pod.allowedCpus ?? '?'} CPUs allowed`)
        .join(', ');
    if (profile.cpus === null)
        return `${profile.key}: ${each} (not limited: shared cores)`;
    const exclusive = pods.every((pod) => notExclusive(profile, pod) === undefined);
    const unread = pods.some((pod) => pod.allowedCpus === undefined);
    const verdict = unread ? 'unknown' : exclusive ? 'exclusive cores' : 'shared cores';
    return `${profile.key}: ${each} of ${profile.cpus} requested (${verdict})`;
}
/** The one warning line when a sized profile's pods did not get exclusive cores, or undefined. */
function pinningWarning(profile, pods) {
    if (profile.cpus === null)
        return undefined;
    const reasons = pods.flatMap((pod) => notExclusive(profile, pod) ?? []);
    if (reasons.length === 0)
        return undefined;
    return `kubernetes: the pods of ${profile.scenarioNames.join(', ')} did not get exclusive cores: ${reasons.join('; ')}. Their results are not comparable with runs on exclusive cores (see README: "Exclusive cores").`;
}

// EXTERNAL MODULE: ./src/targets/kubernetes/names.ts
var names = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/targets/kubernetes/pod-spec.ts
var pod_spec = __webpack_require__(54414);
// EXTERNAL MODULE: ./src/targets/kubernetes/run-state.ts
var run_state = __webpack_require__(92474);
;// CONCATENATED MODULE: ./src/targets/kubernetes/cpu-check.ts





/** Bound for reading `/proc/self/status` in a pod. */
const CPU_CHECK_TIMEOUT_MS = 15_000;
async function readPodCpus(run, role, pod, ready) {
    const container = role === 'server' ? pod_spec/* SERVER_CONTAINER */.el : pod_spec/* CLIENT_CONTAINER */.ub;
    const qosClass = ready.get(pod)?.status?.qosClass ?? 'unknown';
    const command = ['cat', '/proc/self/status'];
    try {
        const output = await (0,run_state/* apiOf */.ir)(run).exec(run.created.namespace, pod, container, command, CPU_CHECK_TIMEOUT_MS);
        const allowedCpus = output.exitCode === 0 ? allowedCpusFromStatus(output.stdout) : undefined;
        if (allowedCpus === undefined)
            run.log(`kubernetes: could not read Cpus_allowed_list in pod ${pod}`);
        return { role, pod, qosClass, allowedCpus };
    }
    catch (error) {
        run.log(`kubernetes: reading the CPUs of pod ${pod} failed (${(0,errors/* formatError */.Wk)(error)}); recorded as unknown`);
        return { role, pod, qosClass, allowedCpus: undefined };
    }
}
/** Checks and records whether the profile's pod pair got exclusive cores (the reference pods are shared by design). */
async function checkProfileCpus(run, profile, ready) {
    const roles = ['server', 'client'];
    const pods = await Promise.all(roles.map((role) => readPodCpus(run, role, (0,names.podName)(run.runId, role, profile.key, 'pod'), ready)));
    run.cpuPinning.set(profile.key, describePinning(profile, pods));
    const warning = pinningWarning(profile, pods);
    if (warning !== undefined)
        run.log(warning);
}

// EXTERNAL MODULE: ./src/targets/kubernetes/pod-address.ts
var pod_address = __webpack_require__(81285);
// EXTERNAL MODULE: ./src/targets/kubernetes/pod-wait.ts + 1 modules
var pod_wait = __webpack_require__(236);
// EXTERNAL MODULE: ./src/targets/kubernetes/profiles.ts
var profiles = __webpack_require__(50417);
// EXTERNAL MODULE: ./src/targets/kubernetes/reference-admission.ts + 1 modules
var reference_admission = __webpack_require__(19533);
;// CONCATENATED MODULE: ./src/targets/kubernetes/profile-switch.ts












/** Throws when cleanup has started: a switch in progress stops and leaves what it made to cleanup. */
function checkpoint(run) {
    if (run.closed)
        throw new errors/* InfraError */.iG('the Kubernetes target was cleaned up while it was preparing pods');
}
/** "cpus 32 (tcp_stream_32, tcp_rr_32cpu)": a profile for people. */
function describeProfile(profile) {
    const size = profile.cpus === null ? 'not limited' : (0,profiles/* formatCpus */.tQ)((0,profiles/* requestMillis */.Yt)(profile));
    return `cpus ${size} (${profile.scenarioNames.join(', ')})`;
}
/** "server pod ns/name (node b)": how the wait names a pod in its error. */
function describePod(run, pods, name) {
    const pod = pods.find((candidate) => candidate.metadata?.name === name);
    const role = pod?.metadata?.labels?.[names.ROLE_LABEL] ?? 'netperf-gate';
    const nodeName = pod?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]
        ?.matchFields?.[0]?.values?.[0];
    return `${role} pod ${run.created.namespace}/${name}${nodeName ? ` (node ${nodeName})` : ''}`;
}
/** Creates the pods (names recorded before the creates are sent); rejects with the first failure as the API sent it. */
async function createPods(run, pods) {
    const api = (0,run_state/* apiOf */.ir)(run);
    for (const pod of pods)
        run.created.pods.push(pod.metadata?.name ?? '');
    await (0,run_state/* allOrFirstFailure */.hE)(pods.map((pod) => api.createPod(run.created.namespace, pod, run.runId)));
}
/** A pod create's failure in words: a missing given namespace, else the API's refusal explained. */
function explainCreateFailure(run, error) {
    const { namespace } = run.created;
    if (!run.created.namespaceCreated && (0,api_errors/* isNotFound */.c4)(error)) {
        return new errors/* UsageError */.eb(`Namespace '${namespace}' (--namespace) does not exist. Create it, or omit --namespace to get one per run.`);
    }
    return (0,connection.explainApiError)(`creating pods in namespace ${namespace}`, error, (0,run_state/* apiOf */.ir)(run).server);
}
/** The pod objects of a profile on one network: its server and client. */
function pairPods(run, profile, network) {
    const { settings, runId, created, pinned, tolerations } = run;
    if (pinned === undefined)
        throw new Error('pods need the chosen nodes: prepare first');
    const base = { runId, namespace: created.namespace, image: settings.image, tolerations };
    return (0,pod_spec/* buildPairPods */.rK)(base, profile, pinned, network);
}
/** The pods of a profile that exist while it is in use: the pod pair, and the reference pair when on. */
function profilePods(run, profile) {
    const reference = run.reference.on ? pairPods(run, profile, 'host') : [];
    return [...pairPods(run, profile, 'pod'), ...reference];
}
/**
 * Creates the profile's pod pair and, when the reference is on, its host-network pair, all at once. A
 * reference refused by Pod Security is dropped (see reference-admission.ts); any other failure throws.
 */
async function createProfilePods(run, profile) {
    const pods = pairPods(run, profile, 'pod');
    const referencePods = run.reference.on ? pairPods(run, profile, 'host') : [];
    const [podsCreated, referenceCreated] = await Promise.allSettled([
        createPods(run, pods),
        createPods(run, referencePods),
    ]);
    if (podsCreated.status === 'rejected')
        throw explainCreateFailure(run, podsCreated.reason);
    if (referenceCreated.status === 'fulfilled')
        return [...pods, ...referencePods];
    if (await (0,reference_admission/* dropRefusedReference */.j)(run, referencePods, referenceCreated.reason))
        return pods;
    throw explainCreateFailure(run, referenceCreated.reason);
}
async function startPods(run, profile) {
    const pods = await createProfilePods(run, profile);
    checkpoint(run);
    const ready = await (0,pod_wait/* waitForPodsReady */.o6)({
        api: (0,run_state/* apiOf */.ir)(run),
        namespace: run.created.namespace,
        selector: (0,names.runSelector)(run.runId),
        podNames: pods.map((pod) => pod.metadata?.name ?? ''),
        bounds: run.bounds,
        describe: (name) => describePod(run, pods, name),
    });
    for (const [name, pod] of ready) {
        const address = (0,pod_address/* pickPodAddress */.Dr)(pod, run.settings.ipFamily);
        if (address !== undefined)
            run.podIps.set(name, address);
    }
    checkpoint(run);
    await checkProfileCpus(run, profile, ready);
    checkpoint(run);
}
async function removePods(run, profile) {
    const names = profilePods(run, profile).map((pod) => pod.metadata?.name ?? '');
    const api = (0,run_state/* apiOf */.ir)(run);
    const { namespace } = run.created;
    const gone = await (0,connection.step)(api, `deleting the pods of ${describeProfile(profile)}`, () => (0,cleanup.deletePodsAndWait)(api, namespace, names, run.cleanupWaitMs));
    if (!gone) {
        throw new errors/* InfraError */.iG(`pods ${names.join(', ')} in ${namespace} were still there ${run.cleanupWaitMs / 1000} s after being deleted; check their nodes' kubelet (kubectl -n ${namespace} describe pod ${names[0]})`);
    }
    run.created.pods = run.created.pods.filter((name) => !names.includes(name));
    for (const name of names)
        run.podIps.delete(name);
}
/**
 * Makes `profile` the one whose pods exist: nothing to do when it already is; otherwise deletes the
 * pods of the profile before (waiting until they are gone), creates this one's and waits until they
 * are Ready. Logs one line per switch. Failures are one-line errors; cleanup removes what is left.
 */
async function switchProfile(run, profile) {
    if (run.active?.key === profile.key)
        return;
    checkpoint(run);
    const startedMs = Date.now();
    const previous = run.active;
    run.active = undefined;
    if (previous !== undefined)
        await removePods(run, previous);
    checkpoint(run);
    await startPods(run, profile);
    run.active = profile;
    const seconds = ((Date.now() - startedMs) / 1000).toFixed(1);
    const after = previous === undefined ? '' : `, after deleting those of ${describeProfile(previous)}`;
    run.log(`kubernetes: pods of ${describeProfile(profile)} Ready in namespace ${run.created.namespace} (${seconds} s${after})`);
}


/***/ }),

/***/ 50417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ nodeCpuNeedMillis),
/* harmony export */   Hn: () => (/* binding */ FIRST_HOST_NETWORK_PORT),
/* harmony export */   KB: () => (/* binding */ describeCpuNeed),
/* harmony export */   P5: () => (/* binding */ profileFor),
/* harmony export */   Yt: () => (/* binding */ requestMillis),
/* harmony export */   _0: () => (/* binding */ planProfiles),
/* harmony export */   c9: () => (/* binding */ REFERENCE_CPU_REQUEST_MILLIS),
/* harmony export */   hr: () => (/* binding */ NETSERVER_PORT),
/* harmony export */   oU: () => (/* binding */ UNLIMITED_CPU_REQUEST_MILLIS),
/* harmony export */   tQ: () => (/* binding */ formatCpus)
/* harmony export */ });
/* unused harmony export largestProfile */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** netserver's control port on the pod network: every server pod has its own IP, so all use the default. */
const NETSERVER_PORT = 12865;
/**
 * First control port of the host-network netservers. They share the node's network namespace, so each
 * profile needs its own port; these sit just above netserver's default, which the node may already use.
 */
const FIRST_HOST_NETWORK_PORT = 12866;
/** CPU a pod of an unlimited profile (`cpus: null`) requests: enough to be scheduled, no limit set. */
const UNLIMITED_CPU_REQUEST_MILLIS = 100;
/**
 * CPU a host-network reference pod requests, with no limit (Burstable QoS). The runner alternates
 * reference and pod samples, so the reference never measures while the pod pair does: it needs no
 * cores of its own, only enough request to be scheduled beside the pod pair.
 */
const REFERENCE_CPU_REQUEST_MILLIS = 100;
/** CPU one pod of the profile requests, in millicores. */
function requestMillis(profile) {
    return profile.cpus === null ? UNLIMITED_CPU_REQUEST_MILLIS : profile.cpus * 1000;
}
/** One profile per distinct `cpus` value, in the order values first appear. */
function planProfiles(scenarios) {
    const profiles = [];
    for (const scenario of scenarios) {
        const { cpus } = scenario;
        if (cpus !== null && !(Number.isInteger(cpus) && cpus >= 1)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid cpus ${cpus} in scenario ${scenario.name}. Expected a whole number ≥ 1.`);
        }
        const existing = profiles.find((profile) => profile.cpus === cpus);
        if (existing !== undefined) {
            existing.scenarioNames.push(scenario.name);
            continue;
        }
        profiles.push({
            cpus,
            key: cpus === null ? 'any' : `c${cpus}`,
            scenarioNames: [scenario.name],
            hostNetworkPort: FIRST_HOST_NETWORK_PORT + profiles.length,
        });
    }
    return profiles;
}
/** The profile a scenario runs in. */
function profileFor(profiles, scenario) {
    const profile = profiles.find((candidate) => candidate.cpus === scenario.cpus);
    if (profile === undefined) {
        throw new Error(`scenario ${scenario.name} (cpus ${scenario.cpus}) was not among the scenarios prepared`);
    }
    return profile;
}
/** The profile with the largest pods (the first of equals); undefined without profiles. */
function largestProfile(profiles) {
    return profiles.reduce((largest, profile) => largest === undefined || requestMillis(profile) > requestMillis(largest) ? profile : largest, undefined);
}
/**
 * CPU (millicores) each of the two nodes must have allocatable: one profile's pod at a time, so the
 * largest profile's; with the host-network reference, plus its pod's small request (one per node).
 */
function nodeCpuNeedMillis(profiles, hostNetworkReference) {
    const largest = largestProfile(profiles);
    const podMillis = largest === undefined ? 0 : requestMillis(largest);
    return hostNetworkReference && largest !== undefined ? podMillis + REFERENCE_CPU_REQUEST_MILLIS : podMillis;
}
/** "32.1 CPUs (for tcp_stream_32, tcp_rr_32cpu; one CPU size at a time, …)": for messages. */
function describeCpuNeed(profiles, hostNetworkReference) {
    const largest = largestProfile(profiles);
    const which = largest === undefined ? 'no scenarios' : `for ${largest.scenarioNames.join(', ')}`;
    const reference = hostNetworkReference && largest !== undefined
        ? `, plus ${formatCpus(REFERENCE_CPU_REQUEST_MILLIS)} for the host-network reference pod`
        : '';
    return `${formatCpus(nodeCpuNeedMillis(profiles, hostNetworkReference))} CPUs (${which}; one CPU size at a time${reference})`;
}
/** Millicores as CPUs for people: 33100 → "33.1". */
function formatCpus(millis) {
    return String(Math.round(millis) / 1000);
}


/***/ }),

/***/ 19533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ checkGivenNamespace),
  j: () => (/* binding */ dropRefusedReference)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(34111);
// EXTERNAL MODULE: ./src/targets/kubernetes/cleanup.ts
var cleanup = __webpack_require__(6087);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
;// CONCATENATED MODULE: ./src/targets/kubernetes/pod-security-check.ts
/** The level a namespace's enforce label asks for, or undefined when it restricts nothing. */
function restrictingLevel(label) {
    const level = label?.trim();
    if (level === undefined || level === '' || level === 'privileged')
        return undefined;
    return level === 'baseline' ? 'baseline' : 'restricted'; // the plugin reads an unknown level as restricted
}
function baselineGaps(pod, containers) {
    const gaps = [];
    const spec = pod.spec;
    const host = ['hostNetwork', 'hostPID', 'hostIPC'].filter((field) => spec?.[field] === true);
    if (host.length > 0)
        gaps.push(`host namespaces (${host.map((field) => `${field}=true`).join(', ')})`);
    if (containers.some((c) => c.securityContext?.privileged === true))
        gaps.push('privileged');
    // The API server defaults a host-network pod's hostPort to its containerPort before admission.
    const hostPort = (port) => port.hostPort ?? (spec?.hostNetwork === true ? port.containerPort : 0);
    if (containers.some((c) => (c.ports ?? []).some((port) => hostPort(port) !== 0)))
        gaps.push('hostPort');
    return gaps;
}
function restrictedGaps(pod, containers) {
    const gaps = [];
    const podContext = pod.spec?.securityContext;
    if (containers.some((c) => c.securityContext?.allowPrivilegeEscalation !== false))
        gaps.push('allowPrivilegeEscalation != false');
    if (containers.some((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL')))
        gaps.push('unrestricted capabilities');
    if (containers.some((c) => (c.securityContext?.runAsNonRoot ?? podContext?.runAsNonRoot) !== true))
        gaps.push('runAsNonRoot != true');
    if (containers.some((c) => (c.securityContext?.runAsUser ?? podContext?.runAsUser) === 0))
        gaps.push('runAsUser=0');
    const seccomp = (c) => c.securityContext?.seccompProfile?.type ?? podContext?.seccompProfile?.type;
    if (containers.some((c) => !['RuntimeDefault', 'Localhost'].includes(seccomp(c) ?? '')))
        gaps.push('seccompProfile');
    return gaps;
}
/** What of `level` the pod would violate, in the plugin's words (empty when it is admitted). */
function podSecurityGaps(pod, level) {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    const gaps = baselineGaps(pod, containers);
    return level === 'restricted' ? [...gaps, ...restrictedGaps(pod, containers)] : gaps;
}

// EXTERNAL MODULE: ./src/targets/kubernetes/pod-spec.ts
var pod_spec = __webpack_require__(54414);
// EXTERNAL MODULE: ./src/targets/kubernetes/reference.ts
var reference = __webpack_require__(65026);
// EXTERNAL MODULE: ./src/targets/kubernetes/run-state.ts
var run_state = __webpack_require__(92474);
;// CONCATENATED MODULE: ./src/targets/kubernetes/reference-admission.ts








/** Turns the reference off for the rest of the run and says so in one line. */
function turnReferenceOff(run, why) {
    run.reference = { on: false, why };
    run.log((0,reference/* referenceOffLine */.jP)(why));
}
/**
 * Our pod-network pods against the namespace's enforced level: they are built to pass `restricted`, so
 * a gap is ours to fix, said before anything is created rather than as a 403 after the namespace and
 * nodes were taken.
 */
function checkOwnPods(run, namespace, level) {
    const placeholder = { name: 'any', hostname: undefined };
    const base = { runId: run.runId, namespace, image: run.settings.image, tolerations: run.tolerations };
    for (const profile of run.profiles) {
        const pods = (0,pod_spec/* buildPairPods */.rK)(base, profile, { client: placeholder, server: placeholder }, 'pod');
        const gaps = [...new Set(pods.flatMap((pod) => podSecurityGaps(pod, level)))];
        if (gaps.length > 0)
            throw new errors/* UsageError */.eb(`Namespace '${namespace}' (--namespace) enforces Pod Security "${level}", which the netperf pods would violate (${gaps.join(', ')}). Use a namespace labelled ${reference/* POD_SECURITY_ENFORCE_LABEL */.Xe}=privileged, or omit --namespace to get one per run.`);
    }
}
/**
 * With a given namespace (--namespace), reads its Pod Security enforce level before anything is
 * created: our pods must pass it (a one-line usage error otherwise), and with the reference on,
 * `baseline` or `restricted` forbid host network, so the reference is turned off before its pods are
 * tried. A user who may not read the namespace (403) tries anyway; a namespace that is not there is
 * left to the pod create, which says so.
 */
async function checkGivenNamespace(run) {
    const namespace = run.settings.namespace;
    if (namespace === undefined)
        return;
    const api = (0,run_state/* apiOf */.ir)(run);
    let found;
    try {
        found = await api.readNamespace(namespace);
    }
    catch (error) {
        if ((0,api_errors/* readApiFailure */.HQ)(error).status === 403)
            return; // no RBAC to read it: the level is unknown, try
        throw (0,connection.explainApiError)(`reading namespace ${namespace}`, error, api.server);
    }
    if (found === undefined)
        return;
    const level = restrictingLevel(found.metadata?.labels?.[reference/* POD_SECURITY_ENFORCE_LABEL */.Xe]);
    if (level !== undefined)
        checkOwnPods(run, namespace, level);
    const why = run.reference.on ? (0,reference/* podSecurityForbids */.nZ)(found) : undefined;
    if (why !== undefined)
        turnReferenceOff(run, why);
}
/**
 * After the reference pods' create failed: when Pod Security refused them, deletes those that were
 * created (a 404 counts as deleted), turns the reference off and resolves true; for any other failure
 * resolves false and leaves the error to the caller.
 */
async function dropRefusedReference(run, referencePods, error) {
    const refusal = (0,reference/* podSecurityRefusal */.e5)(error);
    if (refusal === undefined)
        return false;
    const api = (0,run_state/* apiOf */.ir)(run);
    const { namespace } = run.created;
    const names = referencePods.map((pod) => pod.metadata?.name ?? '');
    const gone = await (0,connection.step)(api, 'deleting the host-network reference pods', () => (0,cleanup.deletePodsAndWait)(api, namespace, names, run.cleanupWaitMs));
    // Pods still terminating stay recorded, so that cleanup deletes them again.
    if (gone)
        run.created.pods = run.created.pods.filter((name) => !names.includes(name));
    turnReferenceOff(run, `namespace ${namespace} refused the host-network pods: ${refusal}`);
    return true;
}


/***/ }),

/***/ 65026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P5: () => (/* binding */ describeReference),
/* harmony export */   Xe: () => (/* binding */ POD_SECURITY_ENFORCE_LABEL),
/* harmony export */   e2: () => (/* binding */ initialReference),
/* harmony export */   e5: () => (/* binding */ podSecurityRefusal),
/* harmony export */   jP: () => (/* binding */ referenceOffLine),
/* harmony export */   nZ: () => (/* binding */ podSecurityForbids)
/* harmony export */ });
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34111);
/* harmony import */ var _profiles_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50417);


/** The namespace label Pod Security admission enforces. */
const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
/** Enforce levels that forbid host network. */
const HOST_NETWORK_FORBIDDEN_BY = ['baseline', 'restricted'];
/** The state before prepare: on when asked for. */
function initialReference(hostNetworkReference) {
    return hostNetworkReference ? { on: true } : { on: false, why: 'turned off (--no-reference)' };
}
/**
 * Why the namespace's labels forbid host-network pods, or undefined when they allow them. An absent
 * label means the cluster's default, which cannot be read: taken as allowed (a refused create still
 * turns the reference off, see {@link podSecurityRefusal}).
 */
function podSecurityForbids(namespace) {
    const level = namespace.metadata?.labels?.[POD_SECURITY_ENFORCE_LABEL]?.trim();
    if (!HOST_NETWORK_FORBIDDEN_BY.some((forbidding) => forbidding === level))
        return undefined;
    return `namespace ${namespace.metadata?.name} enforces Pod Security "${level}", which forbids host network`;
}
/**
 * The Pod Security violation of a refused pod create (`violates PodSecurity "baseline:latest": host
 * namespaces (hostNetwork=true), …`), or undefined for any other failure.
 */
function podSecurityRefusal(error) {
    const failure = (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .readApiFailure */ .HQ)(error);
    if (failure.status !== 403)
        return undefined;
    const at = failure.message.indexOf('violates PodSecurity');
    return at === -1 ? undefined : failure.message.slice(at);
}
/** The one line logged when the reference is off although it was asked for. */
function referenceOffLine(why) {
    return `kubernetes: the node-to-node reference is off: ${why}; gating on raw metrics only (low confidence). Label the namespace ${POD_SECURITY_ENFORCE_LABEL}=privileged or pass --no-reference to silence this.`;
}
/**
 * The fingerprint's `reference` detail: where the reference ran. Its pods are Burstable, so under the
 * kubelet's static CPU manager policy they run on the shared pool (never on the Guaranteed pods'
 * exclusive cores) and under `none` on any core: the shared pool either way.
 */
function describeReference(state) {
    if (!state.on)
        return `off: ${state.why}`;
    return `host-network pods, ${_profiles_js__WEBPACK_IMPORTED_MODULE_1__/* .REFERENCE_CPU_REQUEST_MILLIS */ .c9}m CPU requested, no limit (Burstable): shared CPU pool`;
}


/***/ }),

/***/ 92474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ newKubeRun),
/* harmony export */   hE: () => (/* binding */ allOrFirstFailure),
/* harmony export */   ir: () => (/* binding */ apiOf)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65026);

/** A run that has created nothing yet. */
function newKubeRun(fixed, namespace) {
    return {
        ...fixed,
        api: undefined,
        created: { runId: fixed.runId, namespace, namespaceCreated: false, pods: [] },
        profiles: [],
        nodes: undefined,
        pinned: undefined,
        tolerations: [],
        reference: (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .initialReference */ .e2)(fixed.settings.hostNetworkReference),
        active: undefined,
        serverVersion: undefined,
        netperfVersion: undefined,
        podIps: new Map(),
        cpuPinning: new Map(),
        closed: false,
        cleaning: Promise.resolve(),
    };
}
/** The connected API (connecting on first use). */
function apiOf(run) {
    run.api ??= run.connect();
    return run.api;
}
/** Awaits every promise (none is left running), then throws the first failure or returns all values. */
async function allOrFirstFailure(promises) {
    const settled = await Promise.allSettled(promises);
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure !== undefined)
        throw failure.reason;
    return settled.map((result) => result.value);
}


/***/ }),

/***/ 33189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ue: () => (/* binding */ parseTolerations),
/* harmony export */   ZF: () => (/* binding */ blockingTaints),
/* harmony export */   eh: () => (/* binding */ formatTaint)
/* harmony export */ });
/* unused harmony exports TAINT_EFFECTS, parseToleration, toleratesTaint */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** Taint effects Kubernetes knows. */
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Effects that keep a pod off a node; PreferNoSchedule only makes the scheduler look elsewhere first. */
const BLOCKING_EFFECTS = new Set(['NoSchedule', 'NoExecute']);
// A label key: optional DNS-subdomain prefix and '/', then a name of up to 63 characters.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const FORMAT_HINT = "Expected key[=value][:effect], e.g. 'dedicated=perf:NoSchedule', or '*' for every taint.";
function isLabelKey(key) {
    const slash = key.lastIndexOf('/');
    if (slash === -1)
        return NAME.test(key);
    return PREFIX.test(key.slice(0, slash)) && NAME.test(key.slice(slash + 1));
}
function parseEffect(text, effect) {
    if (effect === 'Exists')
        return effect;
    if (TAINT_EFFECTS.includes(effect))
        return effect;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid --toleration '${text}': unknown effect '${effect}'. Expected one of ${TAINT_EFFECTS.join(', ')}.`);
}
/**
 * Parses one `--toleration`: `key` or `key:Exists` (any value), `key=value` (that value), each with an
 * optional `:effect` (NoSchedule, PreferNoSchedule, NoExecute; none = every effect); `*` tolerates all.
 */
function parseToleration(text) {
    const trimmed = text.trim();
    if (trimmed === '*')
        return { operator: 'Exists' };
    const colon = trimmed.lastIndexOf(':');
    const effect = colon === -1 ? undefined : parseEffect(text, trimmed.slice(colon + 1));
    const keyValue = colon === -1 ? trimmed : trimmed.slice(0, colon);
    const equals = keyValue.indexOf('=');
    const key = equals === -1 ? keyValue : keyValue.slice(0, equals);
    const value = equals === -1 ? undefined : keyValue.slice(equals + 1);
    if (!isLabelKey(key))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid --toleration '${text}': bad key '${key}'. ${FORMAT_HINT}`);
    if (value !== undefined && !VALUE.test(value)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid --toleration '${text}': bad value '${value}'. ${FORMAT_HINT}`);
    }
    const toleration = value === undefined ? { key, operator: 'Exists' } : { key, operator: 'Equal', value };
    if (effect !== undefined && effect !== 'Exists')
        toleration.effect = effect;
    return toleration;
}
/** Parses every `--toleration` string. */
function parseTolerations(texts) {
    return texts.map(parseToleration);
}
/** Kubernetes' matching rule: same effect (or none given), same key (or none with Exists), same value for Equal. */
function toleratesTaint(toleration, taint) {
    if (toleration.effect !== undefined && toleration.effect !== taint.effect)
        return false;
    if (toleration.key === undefined || toleration.key === '')
        return toleration.operator === 'Exists';
    if (toleration.key !== taint.key)
        return false;
    if (toleration.operator === 'Exists')
        return true;
    return (toleration.value ?? '') === (taint.value ?? '');
}
/** The node's taints that would keep our pods off it (NoSchedule / NoExecute not tolerated). */
function blockingTaints(taints, tolerations) {
    return taints.filter((taint) => BLOCKING_EFFECTS.has(taint.effect) &&
        !tolerations.some((toleration) => toleratesTaint(toleration, taint)));
}
/** A taint as kubectl writes it: `key=value:Effect`. */
function formatTaint(taint) {
    return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}


/***/ }),

/***/ 96543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ planCpuProfiles),
/* harmony export */   Sx: () => (/* binding */ parseCpuList),
/* harmony export */   dp: () => (/* binding */ profileOf),
/* harmony export */   mK: () => (/* binding */ formatCpuList)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12286);


/** Parses a Linux CPU list such as `0-3,8,10-11` (Cpus_allowed_list, taskset -c) into sorted core ids. */
function parseCpuList(text) {
    const cores = new Set();
    for (const part of text.trim().split(',')) {
        const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
        if (match?.[1] === undefined)
            throw new Error(`not a CPU list: '${text}'`);
        const first = Number(match[1]);
        const last = match[2] === undefined ? first : Number(match[2]);
        for (let core = first; core <= last; core++)
            cores.add(core);
    }
    return [...cores].sort((a, b) => a - b);
}
/** Core ids as an argument for `taskset -c`. */
function formatCpuList(cores) {
    return cores.join(',');
}
/** The profile a scenario runs in; profiles are keyed by their `cpus` value. */
function profileOf(profiles, scenario) {
    const profile = profiles.find((candidate) => candidate.cpus === scenario.cpus);
    if (profile === undefined) {
        throw new Error(`scenario ${scenario.name} (cpus ${scenario.cpus}) was not among the scenarios prepared`);
    }
    return profile;
}
function groupByCpus(scenarios) {
    const groups = new Map();
    for (const scenario of scenarios) {
        if (scenario.cpus !== null && !(Number.isInteger(scenario.cpus) && scenario.cpus >= 1)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Invalid cpus ${scenario.cpus} in scenario ${scenario.name}. Expected a whole number ≥ 1.`);
        }
        groups.set(scenario.cpus, [...(groups.get(scenario.cpus) ?? []), scenario.name]);
    }
    return groups;
}
function cappedWarning(scenarioNames, cpus, available) {
    const verb = scenarioNames.length === 1 ? 'asks' : 'ask';
    return `${scenarioNames.join(', ')} ${verb} for ${cpus} cores; this machine has ${available}: using ${available}`;
}
/**
 * Plans one profile per distinct `cpus` value. Requests beyond the cores present are capped (with a
 * warning). Clients take the first cores and servers the last, so a 1-core client and server sit on
 * different cores when there are two or more: in a cluster they would be different machines.
 */
function planCpuProfiles(scenarios, availableCores) {
    if (availableCores.length === 0)
        throw new Error('no CPU cores available');
    const profiles = [];
    const warnings = [];
    for (const [cpus, scenarioNames] of groupByCpus(scenarios)) {
        const port = _names_js__WEBPACK_IMPORTED_MODULE_0__/* .FIRST_NETSERVER_PORT */ .k1 + profiles.length;
        if (cpus === null) {
            profiles.push({ cpus, port, scenarioNames, clientCores: null, serverCores: null });
            continue;
        }
        const granted = Math.min(cpus, availableCores.length);
        if (granted < cpus)
            warnings.push(cappedWarning(scenarioNames, cpus, availableCores.length));
        const clientCores = availableCores.slice(0, granted);
        const serverCores = availableCores.slice(availableCores.length - granted);
        profiles.push({ cpus, port, scenarioNames, clientCores, serverCores });
    }
    return { profiles, warnings };
}


/***/ }),

/***/ 18362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ buildFingerprint),
/* harmony export */   ah: () => (/* binding */ readHostFacts),
/* harmony export */   s7: () => (/* binding */ parseNetperfVersion),
/* harmony export */   yN: () => (/* binding */ coresDetail)
/* harmony export */ });
/* unused harmony exports parseAllowedCores, describeReference */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cpu_profiles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96543);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12286);
/** What the local target reports about the machine: host facts (read once) and the fingerprint built from them. */




/** Core ids from `Cpus_allowed_list` in /proc/<pid>/status text; undefined when absent. */
function parseAllowedCores(statusText) {
    const line = /^Cpus_allowed_list:\s*(\S+)\s*$/m.exec(statusText);
    return line?.[1] === undefined ? undefined : (0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCpuList */ .Sx)(line[1]);
}
/** Reads the machine's kernel, CPU model and the cores this process may use. */
function readHostFacts() {
    let availableCores;
    try {
        availableCores = parseAllowedCores((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/status', 'utf8'));
    }
    catch {
        // Not Linux-like /proc: fall back to a count, assuming cores 0..n-1.
    }
    availableCores ??= Array.from({ length: node_os__WEBPACK_IMPORTED_MODULE_1___default().availableParallelism() }, (_, core) => core);
    // os.cpus() reads /proc/cpuinfo's "model name" on Linux.
    return { kernel: node_os__WEBPACK_IMPORTED_MODULE_1___default().release(), cpuModel: node_os__WEBPACK_IMPORTED_MODULE_1___default().cpus()[0]?.model ?? 'unknown', availableCores };
}
/** The version from `netperf -V` ("Netperf version 2.7.0"), or its first line when the format differs. */
function parseNetperfVersion(stdout) {
    const match = /version\s+(\S+)/i.exec(stdout);
    return match?.[1] ?? (stdout.trim().split('\n')[0] || 'unknown');
}
/** Cores of one side of a profile in words: `any`, or the list (with the request it was capped from). */
function coresDetail(cpus, cores) {
    if (cores === null)
        return 'any';
    const capped = cpus !== null && cores.length < cpus ? ` (capped from ${cpus})` : '';
    return `${(0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCpuList */ .mK)(cores)}${capped}`;
}
function nodeFingerprint(name, host, profiles, side) {
    const details = { namespace: name };
    for (const profile of profiles) {
        const cores = side === 'client' ? profile.clientCores : profile.serverCores;
        details[`cores for cpus=${profile.cpus ?? 'unlimited'}`] = coresDetail(profile.cpus, cores);
    }
    return {
        // Stable across runs (the namespace name carries the pid): baseline and current must match.
        name: `local-${side}`,
        kernel: host.kernel,
        cpuModel: host.cpuModel,
        cpuCount: host.availableCores.length,
        details,
    };
}
/**
 * The reference path in words. It names the interfaces by pattern, not by this run's id: the details
 * are compared with the baseline's, and the id (a pid) differs every run.
 */
function describeReference(reference) {
    if (!reference)
        return 'off';
    const link = (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .linksOf */ .hP)(_names_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_PATTERN */ .eV).reference;
    const ends = `${link.clientInterface}-${link.serverInterface} (${link.clientAddress}-${link.serverAddress})`;
    return `second veth pair ${ends}, same namespaces and CPU pinning`;
}
/**
 * Builds the fingerprint: both nodes are namespaces of this machine; the reference path is always
 * described, the what-if settings appear only when set (the results also keep them under
 * target.settings, which compare reads).
 */
function buildFingerprint(input) {
    const { names, host, profiles, settings } = input;
    const details = { reference: describeReference(input.reference) };
    for (const key of ['qdisc', 'serverSetup', 'clientSetup']) {
        const value = settings[key];
        if (value !== undefined)
            details[key] = value;
    }
    return {
        netperfVersion: input.netperfVersion,
        client: nodeFingerprint(names.clientNamespace, host, profiles, 'client'),
        server: nodeFingerprint(names.serverNamespace, host, profiles, 'server'),
        details,
    };
}


/***/ }),

/***/ 12286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ leftoverNamespaces),
/* harmony export */   GJ: () => (/* binding */ VETH_PREFIX_LENGTH),
/* harmony export */   GT: () => (/* binding */ namesFor),
/* harmony export */   JT: () => (/* binding */ parseNamespaceList),
/* harmony export */   _c: () => (/* binding */ NETSERVER_LISTEN_ADDRESS),
/* harmony export */   eV: () => (/* binding */ NAMES_PATTERN),
/* harmony export */   hP: () => (/* binding */ linksOf),
/* harmony export */   k1: () => (/* binding */ FIRST_NETSERVER_PORT),
/* harmony export */   np: () => (/* binding */ checkRunId),
/* harmony export */   nt: () => (/* binding */ parsePidList)
/* harmony export */ });
/* unused harmony exports CLIENT_ADDRESS, SERVER_ADDRESS, REFERENCE_CLIENT_ADDRESS, REFERENCE_SERVER_ADDRESS, MAX_RUN_ID_LENGTH */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/**
 * Names and addresses of one local run's two network namespaces and the two veth pairs between them:
 * pure, no I/O. The pod link is what is measured and what what-ifs change; the reference link is the
 * same path left alone, measured in turn with it so the gate can divide out the machine's drift.
 */

/** Client end of the pod link. 198.18.0.0/15 is set aside for benchmarking (RFC 2544). */
const CLIENT_ADDRESS = '198.18.0.1';
/** Server end of the pod link. Each run has its own namespaces, so runs never clash. */
const SERVER_ADDRESS = '198.18.0.2';
/** Client end of the reference link: the next /30 after the pod link's. */
const REFERENCE_CLIENT_ADDRESS = '198.18.0.5';
/** Server end of the reference link; the same netservers accept here too. */
const REFERENCE_SERVER_ADDRESS = '198.18.0.6';
const VETH_PREFIX_LENGTH = 30;
/** Where every netserver listens: all addresses of the server namespace, so one serves both links. */
const NETSERVER_LISTEN_ADDRESS = '0.0.0.0';
/** netserver's default control port; further CPU profiles take the ports after it. */
const FIRST_NETSERVER_PORT = 12865;
/** Linux interface names hold 15 characters: `npg` + run id + one letter (`c`/`s` pod, `r`/`t` reference). */
const MAX_RUN_ID_LENGTH = 11;
/**
 * A namespace a killed run may have left: its run id is the pid of the process that made it. Single
 * runs name theirs `cli`/`srv`, local fleets `sw` (the switch) and `n<K>` (node K, fleet-names.ts).
 */
const LEFTOVER_NAMESPACE = /^npg-(\d+)-(cli|srv|sw|n\d+)$/;
/** The two veth pairs of a run, with their addresses. */
function linksOf(names) {
    return {
        pod: {
            clientInterface: names.clientInterface,
            serverInterface: names.serverInterface,
            clientAddress: CLIENT_ADDRESS,
            serverAddress: SERVER_ADDRESS,
        },
        reference: {
            clientInterface: names.referenceClientInterface,
            serverInterface: names.referenceServerInterface,
            clientAddress: REFERENCE_CLIENT_ADDRESS,
            serverAddress: REFERENCE_SERVER_ADDRESS,
        },
    };
}
/** Throws a one-line UsageError unless the run id fits an interface name and is safe in paths. */
function checkRunId(runId) {
    if (!/^[A-Za-z0-9]+$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid local run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} letters or digits (it becomes part of interface names).`);
    }
}
/** Names for a run id; the id must fit an interface name and be safe in paths. */
function namesFor(runId) {
    checkRunId(runId);
    return namesWithId(runId);
}
function namesWithId(runId) {
    return {
        runId,
        clientNamespace: `npg-${runId}-cli`,
        serverNamespace: `npg-${runId}-srv`,
        clientInterface: `npg${runId}c`,
        serverInterface: `npg${runId}s`,
        referenceClientInterface: `npg${runId}r`,
        referenceServerInterface: `npg${runId}t`,
    };
}
/** Every run's names with `<id>` for the run id: for text that must read the same in every run. */
const NAMES_PATTERN = namesWithId('<id>');
/** Namespace names from `ip netns list` ("name" or "name (id: 3)" per line). */
function parseNamespaceList(stdout) {
    return stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/)[0] ?? '')
        .filter((name) => name !== '');
}
/** Pids from `ip netns pids NAME`, one per line. */
function parsePidList(stdout) {
    return stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^\d+$/.test(line))
        .map(Number);
}
/**
 * Namespaces left by runs that were killed: named `npg-<pid>-cli|srv|sw|n<K>` while that pid no longer runs.
 * Runs with a chosen (non-numeric) id are never swept: nothing tells whether they are still alive.
 */
function leftoverNamespaces(namespaces, isAlive) {
    return namespaces.filter((name) => {
        const match = LEFTOVER_NAMESPACE.exec(name);
        return match?.[1] !== undefined && !isAlive(Number(match[1]));
    });
}


/***/ }),

/***/ 87554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b_: () => (/* binding */ fanOutCommand)
/* harmony export */ });
/* unused harmony exports sharedArgv, argVariation */
/* harmony import */ var _netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29284);
/**
 * When the netperf instances of a sample can start from one fan-out shell (src/netperf/fan-out.ts):
 * pure, shared by the targets.
 */

/**
 * The argument list every instance runs, when there are several and all are the same (what the runner
 * asks for without fixed data ports): one fan-out process can then start them together. Undefined
 * otherwise: a single instance needs no fan-out.
 */
function sharedArgv(argvs) {
    const [first] = argvs;
    if (argvs.length < 2 || first === undefined)
        return undefined;
    const text = JSON.stringify(first);
    return argvs.every((argv) => JSON.stringify(argv) === text) ? first : undefined;
}
/**
 * When several argument lists are the same but for one argument (netperf's data port): the first list,
 * that argument's index and every list's value there, so one fan-out process can start them together.
 * Undefined otherwise.
 */
function argVariation(argvs) {
    const [first] = argvs;
    if (argvs.length < 2 || first === undefined)
        return undefined;
    if (argvs.some((argv) => argv.length !== first.length))
        return undefined;
    const differing = first.flatMap((_, at) => (argvs.some((argv) => argv[at] !== first[at]) ? [at] : []));
    const [at] = differing;
    if (differing.length !== 1 || at === undefined)
        return undefined;
    return { argv: first, at, values: argvs.map((argv) => argv[at] ?? '') };
}
/**
 * The one command that starts every instance of `program` together (identical lists, or lists that
 * differ in one argument: the fan-out script puts each one's value in place), or undefined when they
 * must run as separate processes.
 */
function fanOutCommand(program, argvs) {
    const shared = sharedArgv(argvs);
    if (shared !== undefined)
        return (0,_netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__/* .buildFanOutArgv */ .I8)(argvs.length, [program, ...shared]);
    const varying = argVariation(argvs);
    if (varying === undefined)
        return undefined;
    return (0,_netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__/* .buildFanOutArgv */ .I8)(argvs.length, [program, ...varying.argv], {
        at: varying.at + 1,
        values: varying.values,
    });
}


/***/ })

};
