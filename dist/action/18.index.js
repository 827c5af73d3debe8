export const id = 18;
export const ids = [18];
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

/***/ 92768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ applyQdisc),
/* harmony export */   Gc: () => (/* binding */ runSetupCommand),
/* harmony export */   Ow: () => (/* binding */ normaliseSettings),
/* harmony export */   nj: () => (/* binding */ SETUP_COMMAND_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony exports TC_TIMEOUT_MS, qdiscArgv, SETUP_ENV, setupEnvironment */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22017);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12286);
/**
 * The local target's what-if settings: a qdisc on the client's pod-link veth, and setup commands in each
 * namespace, told through environment variables which interface is which so they can leave the
 * reference link alone.
 */



/** Bound for `tc qdisc replace`. */
const TC_TIMEOUT_MS = 15_000;
/** Bound for one setup command (loading a large nftables ruleset can take a while). */
const SETUP_COMMAND_TIMEOUT_MS = 120_000;
/** Trims each setting; a blank one (an unset action input arrives as '') counts as not set. */
function normaliseSettings(settings) {
    const clean = (value) => (value?.trim() ? value.trim() : undefined);
    return {
        qdisc: clean(settings.qdisc),
        serverSetup: clean(settings.serverSetup),
        clientSetup: clean(settings.clientSetup),
    };
}
/** `tc qdisc replace` on the client's pod-link veth end; the qdisc arguments are split on whitespace, no shell. */
function qdiscArgv(names, qdisc) {
    return [
        'tc',
        '-n',
        names.clientNamespace,
        'qdisc',
        'replace',
        'dev',
        names.clientInterface,
        'root',
        ...qdisc.trim().split(/\s+/),
    ];
}
/** Puts the qdisc on the client's egress; tc refusing it is the user's to fix (UsageError quoting tc). */
async function applyQdisc(runner, names, qdisc) {
    const output = await runner.run(qdiscArgv(names, qdisc), { timeoutMs: TC_TIMEOUT_MS });
    if (output.exitCode !== 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Invalid --local-qdisc '${qdisc}': tc said "${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOutputLine */ .qX)(output)}". Expected tc qdisc arguments, e.g. 'tbf rate 1gbit burst 256kb latency 10ms'.`);
    }
}
/** Environment variables a setup command gets: interfaces of its own namespace, addresses of both ends. */
const SETUP_ENV = {
    podInterface: 'NETPERF_GATE_POD_IFACE',
    referenceInterface: 'NETPERF_GATE_REF_IFACE',
    podAddress: 'NETPERF_GATE_POD_ADDR',
    referenceAddress: 'NETPERF_GATE_REF_ADDR',
    peerPodAddress: 'NETPERF_GATE_PEER_POD_ADDR',
    peerReferenceAddress: 'NETPERF_GATE_PEER_REF_ADDR',
};
/** The {@link SETUP_ENV} values for the setup command of one side. */
function setupEnvironment(names, role) {
    const { pod, reference } = (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .linksOf */ .hP)(names);
    const peer = role === 'server' ? 'client' : 'server';
    return {
        [SETUP_ENV.podInterface]: pod[`${role}Interface`],
        [SETUP_ENV.referenceInterface]: reference[`${role}Interface`],
        [SETUP_ENV.podAddress]: pod[`${role}Address`],
        [SETUP_ENV.referenceAddress]: reference[`${role}Address`],
        [SETUP_ENV.peerPodAddress]: pod[`${peer}Address`],
        [SETUP_ENV.peerReferenceAddress]: reference[`${peer}Address`],
    };
}
/**
 * Runs a user's setup command inside a namespace, with {@link setupEnvironment} added to ours. The user
 * typed a shell command line (redirections, `&&`, quoting), so it goes to `sh -c` as one argument: the
 * shell is the user's, our own commands never use one. It runs in our working directory, so relative
 * paths (`nft -f rules.nft`) work.
 */
async function runSetupCommand(runner, names, command, role) {
    const namespace = role === 'server' ? names.serverNamespace : names.clientNamespace;
    const argv = ['ip', 'netns', 'exec', namespace, 'sh', '-c', command];
    const env = setupEnvironment(names, role);
    const output = await runner.run(argv, { timeoutMs: SETUP_COMMAND_TIMEOUT_MS, env });
    if (output.exitCode !== 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--local-${role}-setup '${command}' failed (${output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`}) in ${namespace}: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOutputLine */ .qX)(output)}; fix the command (try it with: ip netns add t && ip netns exec t sh -c '…')`);
    }
}


/***/ }),

/***/ 22017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _m: () => (/* binding */ createCommandRunner),
/* harmony export */   gL: () => (/* reexport safe */ _shell_js__WEBPACK_IMPORTED_MODULE_1__.gL),
/* harmony export */   qX: () => (/* binding */ firstOutputLine)
/* harmony export */ });
/* unused harmony exports DEFAULT_COMMAND_TIMEOUT_MS, MAX_CAPTURED_OUTPUT_CHARS, PIPE_DRAIN_AFTER_EXIT_MS, missingProgramMessage */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95462);
/**
 * Child processes as argument arrays (never shell strings), behind a small interface tests can swap.
 *
 * DESIGN lists @actions/exec for this job; we use node:child_process directly because it hands back a
 * ChildProcess for long-running programs (netserver), which @actions/exec's promise-only API does not,
 * and because the CLI runs outside Actions too.
 */




/** Bound for a short command (`ip`, `tc`, `ss`) when the caller gives none. */
const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
/** Output kept per stream; netperf and iproute2 print a few lines, so more means something ran wild. */
const MAX_CAPTURED_OUTPUT_CHARS = 1_000_000;
/**
 * Once a process has exited, how long its pipes may stay open. A setup command that leaves a daemon
 * running (`sh -c 'foo &'`) passes the pipes on to it; without this bound we would wait for the daemon.
 */
const PIPE_DRAIN_AFTER_EXIT_MS = 1_000;
/** How to install a program the local target runs, in Debian terms. */
const INSTALL_HINTS = {
    netperf: "netperf is in Debian's non-free section: add non-free to the apt sources, then `apt-get install netperf`",
    netserver: "netserver comes with netperf, in Debian's non-free section: add non-free to the apt sources, then `apt-get install netperf`",
    ip: 'install it with `apt-get install iproute2`',
    tc: 'install it with `apt-get install iproute2`',
    ss: 'install it with `apt-get install iproute2`',
    taskset: 'install it with `apt-get install util-linux`',
    sysctl: 'install it with `apt-get install procps`',
    nft: 'install it with `apt-get install nftables`',
};
/** One line saying which program is missing and how to get it. */
function missingProgramMessage(program) {
    const hint = INSTALL_HINTS[program] ?? 'install it or put it on PATH';
    return `${program} was not found on PATH: ${hint}`;
}
/** The first non-empty line of stderr, else of stdout, else the exit status: what to quote in an error. */
function firstOutputLine(output) {
    for (const text of [output.stderr, output.stdout]) {
        const line = text.split('\n').find((candidate) => candidate.trim() !== '');
        if (line !== undefined)
            return line.trim();
    }
    return output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`;
}
function splitArgv(argv) {
    const [program, ...args] = argv;
    if (program === undefined)
        throw new Error('empty command line');
    return [program, args];
}
function spawnError(program, error) {
    if (error.code === 'ENOENT')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfraError */ .iG(missingProgramMessage(program));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfraError */ .iG(`could not start ${program}: ${error.message}`);
}
/** Collects stdout/stderr of a child and settles once it has ended and its pipes are closed. */
function collect(child, program) {
    const output = { stdout: '', stderr: '' };
    for (const name of ['stdout', 'stderr']) {
        child[name]?.setEncoding('utf8');
        child[name]?.on('data', (chunk) => {
            if (output[name].length < MAX_CAPTURED_OUTPUT_CHARS)
                output[name] += chunk;
        });
    }
    child.once('exit', () => {
        const timer = setTimeout(() => {
            child.stdout?.destroy();
            child.stderr?.destroy();
        }, PIPE_DRAIN_AFTER_EXIT_MS);
        child.once('close', () => clearTimeout(timer));
    });
    return new Promise((resolve, reject) => {
        child.once('error', (error) => reject(spawnError(program, error)));
        child.once('close', (exitCode) => resolve({ ...output, exitCode: exitCode ?? child.exitCode }));
    });
}
/** This process's environment plus `extra`; undefined (inherit as is) when there is nothing extra. */
function environmentWith(extra) {
    return extra === undefined ? undefined : { ...process.env, ...extra };
}
function spawnPiped(program, args, env) {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
}
async function runAsync(argv, options = {}) {
    const [program, args] = splitArgv(argv);
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const child = spawnPiped(program, args, environmentWith(options.env));
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
    }, timeoutMs);
    try {
        const output = await collect(child, program);
        if (timedOut) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfraError */ .iG(`\`${(0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .formatArgv */ .gL)(argv)}\` did not finish within ${timeoutMs / 1000} s and was killed: check that it runs by hand`);
        }
        return output;
    }
    finally {
        clearTimeout(timer);
    }
}
function startProcess(argv) {
    const [program, args] = splitArgv(argv);
    const child = spawnPiped(program, args);
    const exited = collect(child, program);
    // Marks the rejection as handled for callers that never await `exited`; those that do still see it.
    exited.catch(() => undefined);
    return {
        pid: child.pid,
        kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null)
                child.kill(signal);
        },
        exited,
    };
}
function runSynchronously(argv, options = {}) {
    const [program, args] = splitArgv(argv);
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const result = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(program, args, {
        encoding: 'utf8',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        env: environmentWith(options.env),
    });
    const error = result.error;
    if (error?.code === 'ETIMEDOUT') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfraError */ .iG(`\`${(0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .formatArgv */ .gL)(argv)}\` did not finish within ${timeoutMs / 1000} s and was killed`);
    }
    if (error !== undefined)
        throw spawnError(program, error);
    return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', exitCode: result.status };
}
/** The real runner, on node:child_process. */
function createCommandRunner() {
    return { run: runAsync, start: startProcess, runSync: runSynchronously };
}


/***/ })

};
