export const id = 742;
export const ids = [742];
export const modules = {

/***/ 18739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ FLEET_PREFIX_LENGTH),
/* harmony export */   Qy: () => (/* binding */ REFERENCE_BRIDGE),
/* harmony export */   Ss: () => (/* binding */ fleetNamesFor),
/* harmony export */   cr: () => (/* binding */ fleetNodeNamed),
/* harmony export */   ei: () => (/* binding */ POD_BRIDGE),
/* harmony export */   fB: () => (/* binding */ POD_SUBNET_PREFIX),
/* harmony export */   rI: () => (/* binding */ REFERENCE_SUBNET_PREFIX),
/* harmony export */   sj: () => (/* binding */ checkFleetSize),
/* harmony export */   yQ: () => (/* binding */ fleetNodeName)
/* harmony export */ });
/* unused harmony exports MIN_FLEET_NODES, MAX_FLEET_NODES */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12286);
/**
 * Names and addresses of a local fleet: pure, no I/O.
 *
 * Node K (`node-K`, 1 … N) is the network namespace `npg-<runId>-n<K>`. A switch namespace
 * `npg-<runId>-sw` holds two bridges without addresses: the pod bridge and the reference bridge. Each
 * node joins each bridge by a veth pair: its pod interface (198.18.64.K/24) and its reference interface
 * (198.18.65.K/24). The bridges sit in a namespace of their own, not the host's, so no host firewall
 * (br_netfilter, nftables bridge tables, Docker's FORWARD policy) ever sees the traffic and the host
 * namespace gains no interface; deleting the namespaces removes everything.
 */


/** Fewest nodes a fleet has: one pair. */
const MIN_FLEET_NODES = 2;
/** Most nodes a local fleet emulates: a /24 per bridge holds them easily; 2 cores hold few more. */
const MAX_FLEET_NODES = 32;
/** Pod addresses are `198.18.64.K`: 198.18.0.0/15 is for benchmarks (RFC 2544), away from the single target's 198.18.0.x. */
const POD_SUBNET_PREFIX = '198.18.64';
/** Reference addresses are `198.18.65.K`. */
const REFERENCE_SUBNET_PREFIX = '198.18.65';
const FLEET_PREFIX_LENGTH = 24;
/** Bridges inside the switch namespace (names need only be unique there). */
const POD_BRIDGE = 'br-pod';
const REFERENCE_BRIDGE = 'br-ref';
/** `node-K`. */
function fleetNodeName(index) {
    return `node-${index}`;
}
/** Throws a one-line UsageError unless `nodes` is a whole number from 2 to 32. */
function checkFleetSize(nodes) {
    if (!Number.isInteger(nodes) || nodes < MIN_FLEET_NODES || nodes > MAX_FLEET_NODES) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Invalid --nodes ${nodes}. Expected a whole number from ${MIN_FLEET_NODES} to ${MAX_FLEET_NODES} (each local node is a network namespace on this machine).`);
    }
}
function fleetNode(runId, index) {
    return {
        name: fleetNodeName(index),
        index,
        namespace: `npg-${runId}-n${index}`,
        podInterface: `n${index}-pod`,
        podPort: `n${index}-pod-br`,
        podAddress: `${POD_SUBNET_PREFIX}.${index}`,
        referenceInterface: `n${index}-ref`,
        referencePort: `n${index}-ref-br`,
        referenceAddress: `${REFERENCE_SUBNET_PREFIX}.${index}`,
    };
}
/** Names of a fleet of `nodes` nodes for a run id (UsageError for a bad id or size). */
function fleetNamesFor(runId, nodes) {
    (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRunId */ .np)(runId);
    checkFleetSize(nodes);
    return {
        runId,
        switchNamespace: `npg-${runId}-sw`,
        nodes: Array.from({ length: nodes }, (_, at) => fleetNode(runId, at + 1)),
    };
}
/** The node called `name`; a name `prepare` did not return is a programming error. */
function fleetNodeNamed(names, name) {
    const node = names.nodes.find((candidate) => candidate.name === name);
    if (node === undefined)
        throw new Error(`${name} is not a node of this local fleet`);
    return node;
}


/***/ }),

/***/ 86018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LM: () => (/* binding */ normaliseNodeSetups),
/* harmony export */   X8: () => (/* binding */ runNodeSetup),
/* harmony export */   parseNodeSetups: () => (/* binding */ parseNodeSetups)
/* harmony export */ });
/* unused harmony exports NODE_SETUP_ENV, nodeSetupEnvironment */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70017);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22017);
/* harmony import */ var _fleet_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18739);
/* harmony import */ var _what_if_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92768);
/**
 * Per-node what-ifs of the local fleet: `--local-node-setup node-K=CMD` runs CMD in node K's namespace
 * after its interfaces are up and before its netservers start, told through environment variables
 * which interface is which (so it can slow the pod path and leave the reference alone). One mechanism
 * for everything: a rate limit is `tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf …`.
 */




/** Environment variables a node's setup command gets. */
const NODE_SETUP_ENV = {
    /** The node's pod interface, e.g. `n2-pod`. */
    nodeInterface: 'NETPERF_GATE_NODE_IFACE',
    /** The node's reference interface, e.g. `n2-ref`. */
    referenceInterface: 'NETPERF_GATE_REF_IFACE',
    nodeAddress: 'NETPERF_GATE_NODE_ADDR',
    referenceAddress: 'NETPERF_GATE_REF_ADDR',
    /** `node-K`. */
    node: 'NETPERF_GATE_NODE',
};
const SETUP_FORM = /^(node-[1-9]\d*)=([\s\S]*)$/;
const SETUP_EXAMPLE = `node-2='tc qdisc add dev "$${NODE_SETUP_ENV.nodeInterface}" root tbf rate 200mbit burst 64kb latency 20ms'`;
function checkNodeName(name, nodes, what) {
    const index = Number(/^node-([1-9]\d*)$/.exec(name)?.[1] ?? Number.NaN);
    if (!(index >= 1 && index <= nodes)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`Invalid ${what}: unknown node '${name}'. Expected ${(0,_fleet_names_js__WEBPACK_IMPORTED_MODULE_1__/* .fleetNodeName */ .yQ)(1)} … ${(0,_fleet_names_js__WEBPACK_IMPORTED_MODULE_1__/* .fleetNodeName */ .yQ)(nodes)} (--nodes ${nodes}).`);
    }
}
/**
 * Parses repeated `--local-node-setup node-K=CMD` flags into node name → command. UsageError (one
 * line) for a text not of that form, an empty command, a node outside 1 … `nodes`, or a node twice.
 */
function parseNodeSetups(texts, nodes) {
    (0,_fleet_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkFleetSize */ .sj)(nodes);
    const setups = {};
    for (const text of texts) {
        const match = SETUP_FORM.exec(text.trim());
        const [node, command] = [match?.[1], match?.[2]?.trim()];
        if (node === undefined || command === undefined || command === '') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`Invalid --local-node-setup '${text}'. Expected node-K=COMMAND, e.g. ${SETUP_EXAMPLE}.`);
        }
        checkNodeName(node, nodes, `--local-node-setup '${text}'`);
        if (setups[node] !== undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--local-node-setup names ${node} twice: give it one command (join several with &&).`);
        }
        setups[node] = command;
    }
    return setups;
}
/** Setup commands as given to the target: unknown nodes refused, commands trimmed, blank ones dropped. */
function normaliseNodeSetups(setups, nodes) {
    const clean = {};
    for (const [node, command] of Object.entries(setups ?? {})) {
        checkNodeName(node, nodes, 'local node setup');
        if (command.trim() !== '')
            clean[node] = command.trim();
    }
    return clean;
}
/** The {@link NODE_SETUP_ENV} values for one node. */
function nodeSetupEnvironment(node) {
    return {
        [NODE_SETUP_ENV.nodeInterface]: node.podInterface,
        [NODE_SETUP_ENV.referenceInterface]: node.referenceInterface,
        [NODE_SETUP_ENV.nodeAddress]: node.podAddress,
        [NODE_SETUP_ENV.referenceAddress]: node.referenceAddress,
        [NODE_SETUP_ENV.node]: node.name,
    };
}
/**
 * Runs a node's setup command with `sh -c` in its namespace (the user typed a shell command line; our
 * own commands never use a shell), with {@link nodeSetupEnvironment} added to ours. A failure is the
 * user's to fix: a one-line UsageError naming the node and quoting the command's stderr.
 */
async function runNodeSetup(runner, node, command) {
    const argv = ['ip', 'netns', 'exec', node.namespace, 'sh', '-c', command];
    const env = nodeSetupEnvironment(node);
    const output = await runner.run(argv, { timeoutMs: _what_if_js__WEBPACK_IMPORTED_MODULE_2__/* .SETUP_COMMAND_TIMEOUT_MS */ .nj, env });
    if (output.exitCode !== 0) {
        const how = output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--local-node-setup ${node.name}='${command}' failed (${how}) in ${node.namespace}: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOutputLine */ .qX)(output)}; fix the command (try it with: ip netns add t && ip netns exec t sh -c '…')`);
    }
}


/***/ }),

/***/ 52742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createLocalFleetTarget: () => (/* binding */ createLocalFleetTarget)
});

// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(22017);
// EXTERNAL MODULE: ./src/targets/local/cpu-profiles.ts
var cpu_profiles = __webpack_require__(96543);
// EXTERNAL MODULE: ./src/targets/local/fingerprint.ts
var fingerprint = __webpack_require__(18362);
// EXTERNAL MODULE: ./src/targets/local/fleet-names.ts
var fleet_names = __webpack_require__(18739);
;// CONCATENATED MODULE: ./src/targets/local/fleet-fingerprint.ts


function nodeFingerprint(node, host, profiles, setup) {
    const details = {
        'pod address': `${node.podAddress} (${node.podInterface})`,
        'reference address': `${node.referenceAddress} (${node.referenceInterface})`,
    };
    for (const profile of profiles) {
        const label = `cpus=${profile.cpus ?? 'unlimited'}`;
        details[`client cores for ${label}`] = (0,fingerprint/* coresDetail */.yN)(profile.cpus, profile.clientCores);
        details[`server cores for ${label}`] = (0,fingerprint/* coresDetail */.yN)(profile.cpus, profile.serverCores);
    }
    if (setup !== undefined)
        details.setup = setup;
    return {
        name: node.name,
        kernel: host.kernel,
        cpuModel: host.cpuModel,
        cpuCount: host.availableCores.length,
        details,
    };
}
/** The fleet's fingerprint: one node per namespace, in node order; fleet-wide settings in details. */
function buildFleetFingerprint(input) {
    const { names, host, profiles, nodeSetup } = input;
    const pods = `${fleet_names/* POD_SUBNET_PREFIX */.fB}.0/${fleet_names/* FLEET_PREFIX_LENGTH */.$D}`;
    const references = `${fleet_names/* REFERENCE_SUBNET_PREFIX */.rI}.0/${fleet_names/* FLEET_PREFIX_LENGTH */.$D}`;
    const details = {
        network: `local fleet: one network namespace per node on a pod bridge (${pods}) in a switch namespace`,
        reference: input.reference
            ? `second bridge (${references}), same namespaces, netservers and CPU pinning`
            : 'off',
    };
    const setups = Object.entries(nodeSetup).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    if (setups.length > 0)
        details.nodeSetup = setups.map(([node, command]) => `${node}=${command}`).join('; ');
    return {
        netperfVersion: input.netperfVersion,
        nodes: names.nodes.map((node) => nodeFingerprint(node, host, profiles, nodeSetup[node.name])),
        details,
    };
}

// EXTERNAL MODULE: ./src/targets/local/namespaces.ts
var namespaces = __webpack_require__(15832);
;// CONCATENATED MODULE: ./src/targets/local/fleet-network.ts


/**
 * Set to 0 inside the switch namespace: with br_netfilter loaded, every new namespace starts with 1,
 * which would send bridged frames through that namespace's iptables/arptables (empty, but conntrack
 * and the hooks still cost). The keys are per namespace (Linux ≥ 5.3), so the host keeps its own.
 */
const BRIDGE_NETFILTER_OFF = [
    'net.bridge.bridge-nf-call-iptables=0',
    'net.bridge.bridge-nf-call-ip6tables=0',
    'net.bridge.bridge-nf-call-arptables=0',
];
/** Programs the fleet runs beyond the single target's: `sysctl` for {@link BRIDGE_NETFILTER_OFF}. */
const FLEET_PROGRAMS = ['sysctl'];
/**
 * Creates the switch namespace and its two bridges (no addresses, no forwarding: the namespace routes
 * nothing), with bridge netfilter off. `onCreated` hears of the namespace as soon as it exists.
 */
async function createSwitch(runner, names, onCreated) {
    const namespace = names.switchNamespace;
    await (0,namespaces/* addNamespace */.b4)(runner, namespace);
    onCreated(namespace);
    // -e: without br_netfilter the keys do not exist, which is what we want anyway.
    await (0,namespaces/* runChecked */.X4)(runner, [
        'ip',
        'netns',
        'exec',
        namespace,
        'sysctl',
        '-q',
        '-e',
        '-w',
        ...BRIDGE_NETFILTER_OFF,
    ]);
    for (const bridge of [fleet_names/* POD_BRIDGE */.ei, fleet_names/* REFERENCE_BRIDGE */.Qy]) {
        // STP off (the default, said anyway): ports forward as soon as they are up.
        await (0,namespaces/* runChecked */.X4)(runner, [
            'ip',
            '-n',
            namespace,
            'link',
            'add',
            bridge,
            'type',
            'bridge',
            'stp_state',
            '0',
        ]);
        await (0,namespaces/* runChecked */.X4)(runner, ['ip', '-n', namespace, 'link', 'set', bridge, 'up']);
    }
}
/** One veth pair from a node to a bridge: the node's end addressed and up, the switch's end a bridge port. */
async function addNodeLink(runner, switchNamespace, node, end) {
    await (0,namespaces/* runChecked */.X4)(runner, [
        'ip',
        'link',
        'add',
        end.device,
        'netns',
        node.namespace,
        'type',
        'veth',
        'peer',
        'name',
        end.port,
        'netns',
        switchNamespace,
    ]);
    const prefix = `${end.address}/${fleet_names/* FLEET_PREFIX_LENGTH */.$D}`;
    await (0,namespaces/* runChecked */.X4)(runner, ['ip', '-n', node.namespace, 'addr', 'add', prefix, 'dev', end.device]);
    await (0,namespaces/* runChecked */.X4)(runner, [
        'ip',
        '-n',
        switchNamespace,
        'link',
        'set',
        end.port,
        'master',
        end.bridge,
        'up',
    ]);
    await (0,namespaces/* runChecked */.X4)(runner, ['ip', '-n', node.namespace, 'link', 'set', end.device, 'up']);
}
/**
 * Creates a node's namespace and joins it to both bridges, then waits until both of its interfaces
 * are up (packets sent earlier are dropped). `onCreated` hears of the namespace as soon as it exists.
 */
async function addFleetNode(runner, names, node, onCreated) {
    await (0,namespaces/* addNamespace */.b4)(runner, node.namespace);
    onCreated(node.namespace);
    await (0,namespaces/* runChecked */.X4)(runner, ['ip', '-n', node.namespace, 'link', 'set', 'lo', 'up']);
    const ends = [
        { device: node.podInterface, port: node.podPort, address: node.podAddress, bridge: fleet_names/* POD_BRIDGE */.ei },
        {
            device: node.referenceInterface,
            port: node.referencePort,
            address: node.referenceAddress,
            bridge: fleet_names/* REFERENCE_BRIDGE */.Qy,
        },
    ];
    for (const end of ends)
        await addNodeLink(runner, names.switchNamespace, node, end);
    // A veth end has carrier only once its peer is up too, and the switch's end was set up first.
    for (const end of ends)
        await (0,namespaces/* waitUntilLinkUp */.vF)(runner, node.namespace, end.device);
}

// EXTERNAL MODULE: ./src/targets/local/fleet-setup.ts
var fleet_setup = __webpack_require__(86018);
// EXTERNAL MODULE: ./src/targets/local/lifecycle.ts
var lifecycle = __webpack_require__(22014);
// EXTERNAL MODULE: ./src/targets/local/netservers.ts
var netservers = __webpack_require__(29721);
// EXTERNAL MODULE: ./src/targets/local/preflight.ts
var preflight = __webpack_require__(46797);
;// CONCATENATED MODULE: ./src/targets/local/fleet-lifecycle.ts





/** A fleet run that has created nothing yet. */
function newLocalFleetRun(fixed) {
    return { ...fixed, ...(0,lifecycle/* nothingCreated */.KH)() };
}
async function build(run) {
    const { runner, names } = run;
    const created = (namespace) => run.namespaces.push(namespace);
    (0,lifecycle/* checkpoint */.Fn)(run, 'local fleet');
    await createSwitch(runner, names, created);
    // One node after another: four at a time was no faster (32 nodes, 16-19 s either way on a loaded
    // 2-core machine, mostly spent in `ip` commands of ~150 ms each).
    for (const node of names.nodes) {
        (0,lifecycle/* checkpoint */.Fn)(run, 'local fleet');
        await addFleetNode(runner, names, node, created);
    }
    for (const node of names.nodes) {
        const command = run.nodeSetup[node.name];
        (0,lifecycle/* checkpoint */.Fn)(run, 'local fleet');
        if (command !== undefined)
            await (0,fleet_setup/* runNodeSetup */.X8)(runner, node, command);
    }
    (0,lifecycle/* checkpoint */.Fn)(run, 'local fleet');
    const listening = [];
    for (const node of names.nodes) {
        const where = { serverNamespace: node.namespace };
        const started = run.profiles.map((profile) => (0,netservers/* startNetserver */.JY)(runner, where, profile));
        run.netservers.push(...started);
        listening.push(async () => {
            await (0,lifecycle/* allOrFirstFailure */.hE)(started.map((netserver) => (0,netservers/* waitUntilListening */.d6)(runner, where, netserver)));
        });
    }
    // Node by node: a few `ss` pollers at a time, not one per netserver of 32 nodes.
    for (const nodeListening of listening)
        await nodeListening();
    (0,lifecycle/* checkpoint */.Fn)(run, 'local fleet');
}
/**
 * Prepares a local fleet (see prepareLocal): the switch, the nodes, their setups, then every node's
 * netservers.
 */
function prepareFleet(run, scenarios) {
    return (0,lifecycle/* prepareLocal */.Rp)(run, scenarios, {
        label: 'local fleet',
        programs: [...preflight/* REQUIRED_PROGRAMS */.Wy, ...FLEET_PROGRAMS],
        build: () => build(run),
    });
}

// EXTERNAL MODULE: ./src/targets/local/local-target.ts
var local_target = __webpack_require__(14851);
// EXTERNAL MODULE: ./src/targets/local/netperf-client.ts
var netperf_client = __webpack_require__(82736);
;// CONCATENATED MODULE: ./src/targets/local/fleet-target.ts










/**
 * Creates the local fleet; nothing happens on this machine until `prepare`. Throws a one-line
 * UsageError for a node count outside 2 … 32, a bad run id, or a setup for an unknown node.
 */
function createLocalFleetTarget(options, deps = {}) {
    const names = (0,fleet_names/* fleetNamesFor */.Ss)(options.runId ?? String(process.pid), options.nodes);
    const run = newLocalFleetRun({
        runner: deps.runner ?? (0,util_process/* createCommandRunner */._m)(),
        log: deps.log ?? local_target/* writeToStderr */.ZQ,
        names,
        nodeSetup: (0,fleet_setup/* normaliseNodeSetups */.LM)(options.nodeSetup, options.nodes),
        reference: options.reference ?? true,
    });
    return {
        kind: 'local',
        names,
        prepare: async (scenarios) => {
            await prepareFleet(run, scenarios);
            return names.nodes.map((node) => node.name);
        },
        path: (pair) => pathBetween(run, pair, 'podAddress'),
        ...(run.reference
            ? { referencePath: (pair) => pathBetween(run, pair, 'referenceAddress') }
            : {}),
        fingerprint: () => fleet_target_fingerprint(run),
        cleanup: () => (0,lifecycle/* cleanupRun */.wX)(run),
        cleanupSync: () => (0,lifecycle/* cleanupRunSync */.vO)(run),
    };
}
/**
 * netperf from `pair.client`'s namespace to `pair.server`'s address on one bridge. It holds nothing
 * mutable, so pairs on disjoint nodes can run at the same time.
 */
function pathBetween(run, pair, address) {
    const client = (0,fleet_names/* fleetNodeNamed */.cr)(run.names, pair.client);
    const server = (0,fleet_names/* fleetNodeNamed */.cr)(run.names, pair.server);
    if (client === server)
        throw new Error(`a fleet pair needs two nodes, got ${pair.client} twice`);
    return {
        endpoint: (scenario) => ({ host: server[address], port: (0,cpu_profiles/* profileOf */.dp)(run.profiles, scenario).port }),
        runNetperf: (scenario, argvs) => (0,netperf_client/* runNetperfIn */.l)(run.runner, client.namespace, (0,cpu_profiles/* profileOf */.dp)(run.profiles, scenario).clientCores, scenario, argvs),
    };
}
async function fleet_target_fingerprint(run) {
    const version = await run.runner.run(['netperf', '-V'], { timeoutMs: local_target/* NETPERF_VERSION_TIMEOUT_MS */.j7 });
    return buildFleetFingerprint({
        names: run.names,
        host: run.host ?? (0,fingerprint/* readHostFacts */.ah)(),
        netperfVersion: (0,fingerprint/* parseNetperfVersion */.s7)(version.stdout),
        profiles: run.profiles,
        nodeSetup: run.nodeSetup,
        reference: run.reference,
    });
}


/***/ })

};
