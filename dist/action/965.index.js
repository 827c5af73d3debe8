export const id = 965;
export const ids = [965];
export const modules = {

/***/ 19965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKubernetesFleetTarget: () => (/* binding */ createKubernetesFleetTarget)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
// EXTERNAL MODULE: ./src/targets/kubernetes/fingerprint.ts
var fingerprint = __webpack_require__(36151);
// EXTERNAL MODULE: ./src/targets/kubernetes/label-selector.ts
var label_selector = __webpack_require__(67075);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-choice.ts
var node_choice = __webpack_require__(19759);
// EXTERNAL MODULE: ./src/targets/kubernetes/profiles.ts
var kubernetes_profiles = __webpack_require__(50417);
;// CONCATENATED MODULE: ./src/targets/kubernetes/fleet-nodes.ts




/** The fewest nodes a fleet can measure: one pair. */
const MIN_FLEET_NODES = 2;
/**
 * CPU (millicores) each fleet node must have free: for every CPU size, a server and a client pod, all
 * existing at once; with the reference, its host-network server and client (one each per node).
 */
function fleetCpuNeedMillis(profiles, hostNetworkReference) {
    const pods = profiles.reduce((sum, profile) => sum + 2 * (0,kubernetes_profiles/* requestMillis */.Yt)(profile), 0);
    return pods + (hostNetworkReference ? 2 * kubernetes_profiles/* REFERENCE_CPU_REQUEST_MILLIS */.c9 : 0);
}
/** "4.2 CPUs (a server and a client pod of each CPU size: 1, 1, not limited …)": for messages. */
function describeFleetCpuNeed(profiles, hostNetworkReference) {
    const sizes = profiles.map((profile) => (profile.cpus === null ? 'not limited' : String(profile.cpus)));
    const reference = hostNetworkReference
        ? `, plus ${(0,kubernetes_profiles/* formatCpus */.tQ)(2 * kubernetes_profiles/* REFERENCE_CPU_REQUEST_MILLIS */.c9)} for the host-network reference pods`
        : '';
    return `${(0,kubernetes_profiles/* formatCpus */.tQ)(fleetCpuNeedMillis(profiles, hostNetworkReference))} CPUs (a server and a client pod of each CPU size: ${sizes.join(', ') || 'none'}, all at once${reference})`;
}
/** Node names in natural order (`node-2` before `node-10`), the same on every machine. */
const BY_NAME = new Intl.Collator('en', { numeric: true });
function nameOf(node) {
    return node.metadata?.name ?? '?';
}
function checkMaxNodes(maxNodes) {
    if (maxNodes === undefined)
        return;
    if (!Number.isInteger(maxNodes) || maxNodes < MIN_FLEET_NODES)
        throw new errors/* UsageError */.eb(`Invalid --nodes ${maxNodes}. Expected a whole number ≥ ${MIN_FLEET_NODES}.`);
}
/**
 * The fleet's nodes: every eligible node (see the file's comment), first by name in natural order, at most `maxNodes`
 * of them (default all). By name, so that the same cluster gives the same fleet run after run. Throws
 * a one-line UsageError naming why each node was left out when fewer than two are eligible. The
 * input's `clientNode`/`serverNode` are not read: a fleet has no client or server node.
 */
function chooseFleetNodes(input, maxNodes) {
    checkMaxNodes(maxNodes);
    const matching = input.nodes
        .filter((node) => (0,label_selector/* matchesSelector */.B)(node.metadata?.labels, input.selector))
        .sort((a, b) => BY_NAME.compare(nameOf(a), nameOf(b)));
    const judged = matching.map((node) => ({ node, reasons: (0,node_choice/* exclusionReasons */.U1)(node, input) }));
    const eligible = judged.filter(({ reasons }) => reasons.length === 0).map(({ node }) => node);
    const left = judged.filter(({ reasons }) => reasons.length > 0);
    const excluded = left.map(({ node, reasons }) => `not chosen: ${nameOf(node)} (${reasons.join('; ')})`);
    const selector = input.selectorText ? ` matching --node-selector '${input.selectorText}'` : '';
    if (eligible.length < MIN_FLEET_NODES) {
        const each = judged.map(({ node, reasons }) => `${nameOf(node)} (${reasons.join('; ') || 'ok'})`);
        const found = each.length === 0 ? 'there are none' : `of the ${each.length}: ${each.join(', ')}`;
        throw new errors/* UsageError */.eb(`A fleet needs at least ${MIN_FLEET_NODES} eligible nodes${selector}, each with ${input.needText} free; ${found}.`);
    }
    const nodes = eligible.slice(0, maxNodes ?? eligible.length);
    const cpu = input.requestedMillis === undefined ? 'allocatable' : 'free';
    const cap = nodes.length < eligible.length ? `, the first ${nodes.length} of ${eligible.length} eligible` : '';
    const why = `fleet of ${nodes.length} nodes: ${nodes.map(nameOf).join(', ')} (by name among Ready, schedulable${input.allowControlPlane === true ? '' : ' worker'} nodes${selector} with tolerated taints and ≥ ${(0,kubernetes_profiles/* formatCpus */.tQ)(input.needMillis)} ${cpu} CPUs${cap})`;
    return { nodes, why, excluded };
}

// EXTERNAL MODULE: ./src/targets/kubernetes/pod-spec.ts
var pod_spec = __webpack_require__(54414);
;// CONCATENATED MODULE: ./src/targets/kubernetes/fleet-pods.ts


/** Label with the pod's node index in the fleet (`n0`, `n1` …, in `prepare`'s order). */
const FLEET_NODE_LABEL = 'netperf-gate/fleet-node';
/**
 * The reference pods' profile: one host-network pair per node serves every scenario, whatever its CPU
 * size, since reference pods are Burstable (100m requested, no limit) in every profile anyway.
 */
const FLEET_REFERENCE_PROFILE = {
    cpus: null,
    key: 'ref',
    scenarioNames: [],
    hostNetworkPort: kubernetes_profiles/* FIRST_HOST_NETWORK_PORT */.Hn,
};
/** `n3`: a node's short name in pod names and labels (node names can be longer than a pod name allows). */
function fleetNodeKey(nodeIndex) {
    return `n${nodeIndex}`;
}
/** Pod name of a fleet pod, e.g. `npg-ab12cd-n3-srv-c1` or `npg-ab12cd-n3-hcli-ref`. */
function fleetPodName(runId, nodeIndex, role, profileKey, network) {
    const side = role === 'server' ? 'srv' : 'cli';
    return `npg-${runId}-${fleetNodeKey(nodeIndex)}-${network === 'host' ? 'h' : ''}${side}-${profileKey}`;
}
/** One fleet pod: the single run's pod of that role, profile and network, renamed and labelled for its node. */
function buildFleetPod(base, nodeIndex, node, profile, role, network) {
    const pod = (0,pod_spec/* buildPod */.S$)({ ...base, profile, role, network, node });
    const name = fleetPodName(base.runId, nodeIndex, role, profile.key, network);
    const labels = { ...pod.metadata?.labels, [FLEET_NODE_LABEL]: fleetNodeKey(nodeIndex) };
    return { ...pod, metadata: { ...pod.metadata, name, labels } };
}
/** Every pod of the fleet: per node, per profile a server and a client; per node a host-network pair when asked. */
function buildFleetPods(base, profiles, nodes, hostNetworkReference) {
    const roles = ['server', 'client'];
    const pods = nodes.flatMap((node, index) => profiles.flatMap((profile) => roles.map((role) => buildFleetPod(base, index, node, profile, role, 'pod'))));
    const referencePods = hostNetworkReference
        ? nodes.flatMap((node, index) => roles.map((role) => buildFleetPod(base, index, node, FLEET_REFERENCE_PROFILE, role, 'host')))
        : [];
    return { pods, referencePods };
}

// EXTERNAL MODULE: ./src/targets/kubernetes/lifecycle.ts
var lifecycle = __webpack_require__(48203);
// EXTERNAL MODULE: ./src/targets/kubernetes/names.ts
var names = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/targets/kubernetes/pod-address.ts
var pod_address = __webpack_require__(81285);
// EXTERNAL MODULE: ./src/targets/kubernetes/pod-wait.ts + 1 modules
var pod_wait = __webpack_require__(236);
// EXTERNAL MODULE: ./src/targets/kubernetes/profile-switch.ts + 2 modules
var profile_switch = __webpack_require__(8558);
// EXTERNAL MODULE: ./src/targets/kubernetes/reference-admission.ts + 1 modules
var reference_admission = __webpack_require__(19533);
// EXTERNAL MODULE: ./src/targets/kubernetes/run-state.ts
var run_state = __webpack_require__(92474);
;// CONCATENATED MODULE: ./src/targets/kubernetes/fleet-start.ts








/** Pod creates sent at once: enough to start a fleet in seconds, few enough not to flood the API server. */
const FLEET_CREATES_IN_FLIGHT = 8;
/**
 * Runs `task` over every item with at most `limit` running at once; resolves with every outcome, in
 * the items' order, once all have ended (none is left running).
 */
async function settleBounded(items, limit, task) {
    const outcomes = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let at = next++; at < items.length; at = next++) {
            try {
                outcomes[at] = { status: 'fulfilled', value: await task(items[at]) };
            }
            catch (reason) {
                outcomes[at] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return outcomes;
}
function firstFailure(outcomes) {
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    return failed === undefined ? undefined : failed.reason;
}
/**
 * Creates the pods (names recorded before any create is sent), bounded; the reference pods after the
 * measured ones. A reference refused by Pod Security is dropped with one line (reference-admission.ts);
 * any other failure throws. Resolves with the pods to wait for.
 */
async function createFleetPods(run, nodes) {
    const base = {
        runId: run.runId,
        namespace: run.created.namespace,
        image: run.settings.image,
        tolerations: run.tolerations,
    };
    const { pods, referencePods } = buildFleetPods(base, run.profiles, nodes.map(lifecycle/* pinned */.dp), run.reference.on);
    const all = [...pods, ...referencePods];
    for (const pod of all)
        run.created.pods.push(pod.metadata?.name ?? '');
    const api = (0,run_state/* apiOf */.ir)(run);
    const outcomes = await settleBounded(all, FLEET_CREATES_IN_FLIGHT, (pod) => run.closed ? Promise.resolve(pod) : api.createPod(run.created.namespace, pod, run.runId));
    const podFailure = firstFailure(outcomes.slice(0, pods.length));
    if (podFailure !== undefined)
        throw (0,profile_switch/* explainCreateFailure */.M8)(run, podFailure);
    const referenceFailure = firstFailure(outcomes.slice(pods.length));
    if (referenceFailure === undefined)
        return all;
    if (await (0,reference_admission/* dropRefusedReference */.j)(run, referencePods, referenceFailure))
        return pods;
    throw (0,profile_switch/* explainCreateFailure */.M8)(run, referenceFailure);
}
/** "server pod ns/name (node b)": how the wait names a pod in its error. */
function describePod(run, pods, nodes, name) {
    const pod = pods.find((candidate) => candidate.metadata?.name === name);
    const role = pod?.metadata?.labels?.[names.ROLE_LABEL] ?? 'netperf-gate';
    const index = Number(pod?.metadata?.labels?.[FLEET_NODE_LABEL]?.slice(1));
    const node = nodes[index]?.metadata?.name;
    return `${role} pod ${run.created.namespace}/${name}${node ? ` (node ${node})` : ''}`;
}
/**
 * Creates every pod of the fleet on `nodes` and waits (one watch, bounded by `run.bounds`) until all are
 * Ready; records their IPs in `run.podIps`. One-line errors; what was created is left to cleanup.
 */
async function startFleetPods(run, nodes) {
    const startedMs = Date.now();
    const pods = await createFleetPods(run, nodes);
    (0,profile_switch/* checkpoint */.Fn)(run);
    const ready = await (0,pod_wait/* waitForPodsReady */.o6)({
        api: (0,run_state/* apiOf */.ir)(run),
        namespace: run.created.namespace,
        selector: (0,names.runSelector)(run.runId),
        podNames: pods.map((pod) => pod.metadata?.name ?? ''),
        bounds: run.bounds,
        describe: (name) => describePod(run, pods, nodes, name),
    });
    (0,profile_switch/* checkpoint */.Fn)(run);
    for (const [name, pod] of ready) {
        const address = (0,pod_address/* pickPodAddress */.Dr)(pod, run.settings.ipFamily);
        if (address !== undefined)
            run.podIps.set(name, address);
    }
    const seconds = ((Date.now() - startedMs) / 1000).toFixed(1);
    run.log(`kubernetes: ${pods.length} fleet pods on ${nodes.length} nodes Ready in namespace ${run.created.namespace} (${seconds} s)`);
}

// EXTERNAL MODULE: ./src/targets/kubernetes/kubernetes-target.ts
var kubernetes_target = __webpack_require__(61981);
// EXTERNAL MODULE: ./src/targets/kubernetes/netperf-run.ts
var netperf_run = __webpack_require__(42875);
// EXTERNAL MODULE: ./src/targets/kubernetes/node-load.ts + 1 modules
var node_load = __webpack_require__(68161);
// EXTERNAL MODULE: ./src/targets/kubernetes/reference.ts
var reference = __webpack_require__(65026);
// EXTERNAL MODULE: ./src/targets/kubernetes/settings.ts
var kubernetes_settings = __webpack_require__(98626);
// EXTERNAL MODULE: ./src/targets/kubernetes/tolerations.ts
var tolerations = __webpack_require__(33189);
;// CONCATENATED MODULE: ./src/targets/kubernetes/fleet-target.ts



















/** Creates the Kubernetes fleet target; nothing is sent to the cluster until `prepare`. */
function createKubernetesFleetTarget(options, deps) {
    const { nodes: maxNodes, runId: givenRunId, ...given } = options;
    const settings = (0,kubernetes_settings/* normaliseSettings */.O)(given);
    const kube = (0,kubernetes_target/* newRunOf */.p1)(settings, (0,names.checkRunId)(givenRunId ?? (0,kubernetes_target/* newRunId */.F$)()), deps);
    const run = { kube, maxNodes, nodes: undefined };
    const referencePath = (pair) => pathBetween(run, pair, 'host');
    return {
        kind: 'kubernetes',
        runId: kube.runId,
        prepare: (scenarios) => prepareFleet(run, scenarios),
        path: (pair) => pathBetween(run, pair, 'pod'),
        // A getter: prepare may turn the reference off (Pod Security), and the runner reads it after.
        get referencePath() {
            return kube.reference.on ? referencePath : undefined;
        },
        fingerprint: () => fleetFingerprint(run),
        cleanup: () => (0,lifecycle/* cleanupRun */.wX)(kube),
        createdResources: () => ({ ...kube.created, pods: [...kube.created.pods] }),
    };
}
/**
 * Parses what can be wrong before connecting, connects, reads a given namespace's Pod Security level,
 * chooses the nodes (fleet-nodes.ts, one line per node left out), creates the namespace and every pod
 * and waits until all are Ready. On any failure it cleans up before rethrowing.
 */
async function prepareFleet(run, scenarios) {
    const { kube } = run;
    if (run.nodes !== undefined)
        throw new Error('a Kubernetes fleet can be prepared once');
    if (kube.closed)
        throw new errors/* InfraError */.iG('the Kubernetes fleet was cleaned up before it was prepared');
    kube.profiles = (0,kubernetes_profiles/* planProfiles */._0)(scenarios);
    kube.tolerations = (0,tolerations/* parseTolerations */.Ue)(kube.settings.tolerations);
    (0,label_selector/* parseLabelSelector */.l)(kube.settings.nodeSelector ?? ''); // a usage error before anything is sent
    const api = (0,run_state/* apiOf */.ir)(kube);
    kube.serverVersion = await (0,connection.step)(api, 'asking for its version', () => api.serverVersion());
    await (0,reference_admission/* checkGivenNamespace */.F)(kube);
    const nodes = await chooseNodes(run);
    run.nodes = nodes;
    try {
        await (0,lifecycle/* createNamespace */.YX)(kube);
        await startFleetPods(kube, nodes);
    }
    catch (error) {
        await (0,lifecycle/* cleanupRun */.wX)(kube);
        throw error;
    }
    return nodes.map((node) => node.metadata?.name ?? '');
}
async function chooseNodes(run) {
    const { kube } = run;
    const api = (0,run_state/* apiOf */.ir)(kube);
    const listed = await (0,connection.step)(api, 'listing nodes', () => api.listNodes());
    const requested = await (0,node_load/* readRequestedCpu */.x)(api, kube.log);
    const reference = kube.reference.on;
    const input = {
        ...(0,lifecycle/* nodeChoiceInput */.oe)(kube.settings, listed, requested, kube.profiles, reference),
        needMillis: fleetCpuNeedMillis(kube.profiles, reference),
        needText: describeFleetCpuNeed(kube.profiles, reference),
    };
    const choice = chooseFleetNodes(input, run.maxNodes);
    kube.log(`kubernetes: ${choice.why}`);
    for (const line of choice.excluded)
        kube.log(`kubernetes: ${line}`);
    return choice.nodes;
}
function nodeIndex(run, name, side) {
    if (run.nodes === undefined)
        throw new Error('a fleet path needs a prepared fleet');
    const index = run.nodes.findIndex((node) => node.metadata?.name === name);
    if (index === -1)
        throw new errors/* UsageError */.eb(`Unknown ${side} node '${name}': it is not one of the fleet's nodes.`);
    return index;
}
/** The pod path (or reference path) from `pair.client`'s client pod to `pair.server`'s server pod. */
function pathBetween(run, pair, network) {
    const client = nodeIndex(run, pair.client, 'client');
    const server = nodeIndex(run, pair.server, 'server');
    if (client === server)
        throw new Error(`a fleet pair needs two nodes, got ${pair.client} twice`);
    const { kube } = run;
    const profileOf = (scenario) => network === 'host' ? FLEET_REFERENCE_PROFILE : (0,kubernetes_profiles/* profileFor */.P5)(kube.profiles, scenario);
    const endpoint = (scenario) => {
        const profile = profileOf(scenario);
        const name = fleetPodName(kube.runId, server, 'server', profile.key, network);
        const host = kube.podIps.get(name);
        if (host === undefined)
            throw new Error(`pod ${name} has no IP: the fleet was not prepared`);
        return { host, port: (0,pod_spec/* netserverPort */.Gg)(profile, network), dataPorts: pod_spec/* NETPERF_DATA_PORTS */.z4 };
    };
    return {
        endpoint,
        runNetperf: async (scenario, argvs) => {
            if (kube.closed)
                throw new errors/* InfraError */.iG('the Kubernetes fleet was cleaned up: no more samples are taken');
            const pod = fleetPodName(kube.runId, client, 'client', profileOf(scenario).key, network);
            return (0,netperf_run/* runNetperfInPod */.AP)((0,run_state/* apiOf */.ir)(kube), kube.created.namespace, pod, scenario, argvs);
        },
    };
}
async function fleetFingerprint(run) {
    const { kube, nodes } = run;
    const [first] = kube.profiles;
    if (nodes === undefined || first === undefined)
        throw new Error('fingerprint needs a prepared fleet');
    const api = (0,run_state/* apiOf */.ir)(kube);
    const client = fleetPodName(kube.runId, 0, 'client', first.key, 'pod');
    kube.netperfVersion ??= await (0,netperf_run/* netperfVersionInPod */.hQ)(api, kube.created.namespace, client, kube.log);
    const cni = await (0,kubernetes_target/* findCni */.ul)(api);
    return {
        netperfVersion: kube.netperfVersion,
        nodes: nodes.map(fingerprint/* nodeFingerprint */.Fh),
        details: {
            kubernetesVersion: kube.serverVersion ?? 'unknown',
            cni: cni?.name ?? 'unknown',
            ...(cni !== undefined ? { cniImage: cni.image } : {}),
            image: kube.settings.image,
            reference: (0,reference/* describeReference */.P5)(kube.reference),
        },
    };
}


/***/ })

};
