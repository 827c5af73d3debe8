export const id = 851;
export const ids = [851];
export const modules = {

/***/ 29284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ FAN_OUT_NAME),
/* harmony export */   I8: () => (/* binding */ buildFanOutArgv),
/* harmony export */   r8: () => (/* binding */ FAN_OUT_EACH_NAME),
/* harmony export */   v7: () => (/* binding */ splitFanOutOutput)
/* harmony export */ });
/* unused harmony exports FAN_OUT_SCRIPT, FAN_OUT_EACH_SCRIPT */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/**
 * Starts N copies of a command together from ONE process and prints their outputs one after another,
 * framed by marker lines. Why: starting 32 netperf processes one spawn (or one Kubernetes exec) at a
 * time spreads their starts over most of a second on a busy 2-core machine — the first ones already
 * load the CPU while the last ones still set up — so runs overlap badly and take ~1.5–2× their
 * duration (measured here: 32 × TCP_RR -l 3 from Node spawns 4.5–6.1 s; from this script 3.2 s).
 * A shell forks the copies within milliseconds. The command arrives as "$@" (never interpolated).
 */
const FAN_OUT_SCRIPT = [
    'n=$1; shift',
    'dir=$(mktemp -d) || exit 97',
    'pids=""',
    'trap \'kill $pids 2>/dev/null; rm -rf "$dir"; exit 143\' INT TERM',
    'i=1',
    'while [ "$i" -le "$n" ]; do "$@" >"$dir/$i.out" 2>"$dir/$i.err" & pids="$pids $!"; i=$((i+1)); done',
    'i=1',
    'for pid in $pids; do wait "$pid"; echo $? >"$dir/$i.rc"; i=$((i+1)); done',
    'i=1',
    'while [ "$i" -le "$n" ]; do',
    '  printf \'\\n@@netperf-gate instance %s exit %s@@\\n\' "$i" "$(cat "$dir/$i.rc")"',
    '  cat "$dir/$i.out"',
    '  printf \'\\n@@netperf-gate instance %s stderr@@\\n\' "$i"',
    '  cat "$dir/$i.err"',
    '  i=$((i+1))',
    'done',
    'rm -rf "$dir"',
].join('\n');
/**
 * Like {@link FAN_OUT_SCRIPT}, for instances that differ in one argument (netperf's fixed data port):
 * "$1" instances, "$2" the 1-based position of that argument in the command, then one value per
 * instance, then the command. The values are kept in v1..vN by `eval` of digits only; each instance's
 * command is rebuilt with `set --` (POSIX sh has no arrays), never interpolated.
 */
const FAN_OUT_EACH_SCRIPT = FAN_OUT_SCRIPT.replace('n=$1; shift', [
    'n=$1; at=$2; shift 2',
    'i=1; while [ "$i" -le "$n" ]; do eval "v$i=\\$1"; shift; i=$((i+1)); done',
    'one() { val=$1; shift; count=$#; k=0',
    '  for a in "$@"; do k=$((k+1)); if [ "$k" -eq "$at" ]; then set -- "$@" "$val"; else set -- "$@" "$a"; fi; done',
    '  shift "$count"; exec "$@"; }',
].join('\n')).replace('do "$@" >"$dir', 'do eval "val=\\$v$i"; one "$val" "$@" >"$dir');
/** `$0` of the fan-out scripts: tells them apart in `ps` and in exec messages. */
const FAN_OUT_NAME = 'netperf-gate-fan-out';
const FAN_OUT_EACH_NAME = 'netperf-gate-fan-out-each';
/**
 * The argv that runs `instances` copies of `command` together through FAN_OUT_SCRIPT, or, with a
 * variation, through FAN_OUT_EACH_SCRIPT with instance i's own value at `variation.at`.
 */
function buildFanOutArgv(instances, command, variation) {
    if (!Number.isInteger(instances) || instances < 1)
        throw new RangeError(`instances must be ≥ 1, got ${instances}`);
    if (variation === undefined)
        return ['sh', '-c', FAN_OUT_SCRIPT, FAN_OUT_NAME, String(instances), ...command];
    if (variation.values.length !== instances || variation.at < 0 || variation.at >= command.length)
        throw new RangeError('a variation needs one value per instance and an index into the command');
    const { at, values } = variation;
    return [
        'sh',
        '-c',
        FAN_OUT_EACH_SCRIPT,
        FAN_OUT_EACH_NAME,
        String(instances),
        String(at + 1),
        ...values,
        ...command,
    ];
}
/** Each marker starts with its own newline, so an output cut without a final newline stays cut. */
const MARKER = /\n@@netperf-gate instance (\d+) (?:exit (\d+)|stderr)@@\n/;
function fanOutFailure(output, why) {
    const first = (output.stderr.trim().split('\n')[0] ?? '').slice(0, 200);
    const said = first === '' ? '' : `: ${first}`;
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfraError */ .iG(`starting netperf instances together failed (${why})${said}; run with --debug and check sh on the client`);
}
/** Splits the fan-out script's output back into one ProcessOutput per instance, in order. */
function splitFanOutOutput(output, instances) {
    if (output.exitCode !== 0)
        throw fanOutFailure(output, `exit ${output.exitCode ?? 'by signal'}`);
    // split() with capture groups yields: text, instance, exit code (or undefined for stderr), text, …
    const parts = output.stdout.split(new RegExp(MARKER.source, 'g'));
    const results = [];
    for (let at = 1; at + 2 < parts.length; at += 3) {
        const exitCode = parts[at + 1];
        const text = parts[at + 2] ?? '';
        const current = results.at(-1);
        if (exitCode !== undefined)
            results.push({ stdout: text, stderr: '', exitCode: Number(exitCode) });
        else if (current)
            current.stderr = text;
    }
    if (results.length !== instances)
        throw fanOutFailure(output, `${results.length} of ${instances} outputs`);
    return results;
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

/***/ 22014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fn: () => (/* binding */ checkpoint),
/* harmony export */   KH: () => (/* binding */ nothingCreated),
/* harmony export */   Rp: () => (/* binding */ prepareLocal),
/* harmony export */   X7: () => (/* binding */ newLocalRun),
/* harmony export */   Z0: () => (/* binding */ prepareRun),
/* harmony export */   hE: () => (/* binding */ allOrFirstFailure),
/* harmony export */   vO: () => (/* binding */ cleanupRunSync),
/* harmony export */   wX: () => (/* binding */ cleanupRun)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70017);
/* harmony import */ var _cpu_profiles_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96543);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18362);
/* harmony import */ var _namespaces_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15832);
/* harmony import */ var _netservers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29721);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46797);
/* harmony import */ var _what_if_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92768);







/** The record of a run that has created nothing yet. */
function nothingCreated() {
    return {
        host: undefined,
        profiles: [],
        namespaces: [],
        netservers: [],
        closed: false,
        cleaning: Promise.resolve(),
    };
}
/** A run that has created nothing yet. */
function newLocalRun(fixed) {
    return { ...fixed, ...nothingCreated() };
}
/** Awaits every promise (none is left running), then throws the first failure or returns all values. */
async function allOrFirstFailure(promises) {
    const settled = await Promise.allSettled(promises);
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure !== undefined)
        throw failure.reason;
    return settled.map((result) => result.value);
}
function closedError(label) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InfraError */ .iG(`the ${label} was cleaned up while it was being prepared`);
}
/** Throws when cleanup was called meanwhile: a prepare still running stops and leaves what it made to cleanup. */
function checkpoint(run, label = 'local target') {
    if (run.closed)
        throw closedError(label);
}
/**
 * The one way a local run (pair or fleet) is prepared: checks (root, `programs`) and plans before
 * creating anything, sweeps leftovers of killed runs, then `build`s. On any failure, or when cleanup is
 * called meanwhile, it removes what was made before rethrowing (an interruption as such).
 */
async function prepareLocal(run, scenarios, what) {
    if (run.host !== undefined)
        throw new Error(`a ${what.label} can be prepared once`);
    if (run.closed)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InfraError */ .iG(`the ${what.label} was cleaned up before it was prepared`);
    const host = (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .readHostFacts */ .ah)();
    const plan = (0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_0__/* .planCpuProfiles */ .K1)(scenarios, host.availableCores);
    await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_6__/* .preflight */ .Mz)({ runner: run.runner, isRoot: (0,_preflight_js__WEBPACK_IMPORTED_MODULE_6__/* .runsAsRoot */ .Rb)(), programs: what.programs });
    await (0,_namespaces_js__WEBPACK_IMPORTED_MODULE_2__/* .sweepLeftoverNamespaces */ .UP)(run.runner, run.log);
    for (const warning of plan.warnings)
        run.log(warning);
    run.host = host;
    run.profiles = plan.profiles;
    try {
        await what.build();
    }
    catch (error) {
        // A cleanup meanwhile makes commands fail (a setup killed, a namespace gone): say what happened.
        const interrupted = run.closed;
        await cleanupRun(run);
        throw interrupted ? closedError(what.label) : error;
    }
}
async function build(run) {
    const { runner, names, settings } = run;
    await (0,_namespaces_js__WEBPACK_IMPORTED_MODULE_2__/* .createNamespacePair */ .Ub)(runner, names, (namespace) => run.namespaces.push(namespace));
    checkpoint(run);
    if (settings.qdisc !== undefined)
        await (0,_what_if_js__WEBPACK_IMPORTED_MODULE_4__/* .applyQdisc */ .$w)(runner, names, settings.qdisc);
    if (settings.serverSetup !== undefined) {
        await (0,_what_if_js__WEBPACK_IMPORTED_MODULE_4__/* .runSetupCommand */ .Gc)(runner, names, settings.serverSetup, 'server');
    }
    if (settings.clientSetup !== undefined) {
        await (0,_what_if_js__WEBPACK_IMPORTED_MODULE_4__/* .runSetupCommand */ .Gc)(runner, names, settings.clientSetup, 'client');
    }
    checkpoint(run);
    for (const profile of run.profiles)
        run.netservers.push((0,_netservers_js__WEBPACK_IMPORTED_MODULE_3__/* .startNetserver */ .JY)(runner, names, profile));
    await allOrFirstFailure(run.netservers.map((netserver) => (0,_netservers_js__WEBPACK_IMPORTED_MODULE_3__/* .waitUntilListening */ .d6)(runner, names, netserver)));
    checkpoint(run);
}
/** Prepares a local pair: namespaces and both links, qdisc, setup commands, netservers (see prepareLocal). */
function prepareRun(run, scenarios) {
    const programs = run.settings.qdisc === undefined ? _preflight_js__WEBPACK_IMPORTED_MODULE_6__/* .REQUIRED_PROGRAMS */ .Wy : [..._preflight_js__WEBPACK_IMPORTED_MODULE_6__/* .REQUIRED_PROGRAMS */ .Wy, 'tc'];
    return prepareLocal(run, scenarios, { label: 'local target', programs, build: () => build(run) });
}
async function removeEverything(run) {
    const stops = run.netservers.splice(0).map((netserver) => (0,_netservers_js__WEBPACK_IMPORTED_MODULE_3__/* .stopNetserver */ .NZ)(netserver));
    for (const stopped of await Promise.allSettled(stops)) {
        if (stopped.status === 'rejected')
            run.log(`cleanup: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .formatError */ .Wk)(stopped.reason)}`);
    }
    for (const namespace of run.namespaces.splice(0)) {
        try {
            await (0,_namespaces_js__WEBPACK_IMPORTED_MODULE_2__/* .removeNamespace */ .iq)(run.runner, namespace);
        }
        catch (error) {
            run.namespaces.push(namespace); // a later cleanup may try again
            run.log(`cleanup: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .formatError */ .Wk)(error)}`);
        }
    }
}
/**
 * Kills the netservers and anything else in the namespaces, then deletes them (a fleet's bridges and
 * veths go with its namespaces). Idempotent; logs, never throws.
 */
function cleanupRun(run) {
    run.closed = true;
    run.cleaning = run.cleaning.then(() => removeEverything(run));
    return run.cleaning;
}
/** {@link cleanupRun} for exit handlers: synchronous and best effort. */
function cleanupRunSync(run) {
    run.closed = true;
    for (const netserver of run.netservers.splice(0))
        netserver.handle.kill('SIGKILL');
    for (const namespace of run.namespaces.splice(0))
        (0,_namespaces_js__WEBPACK_IMPORTED_MODULE_2__/* .removeNamespaceSync */ .zO)(run.runner, namespace);
}


/***/ }),

/***/ 14851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZQ: () => (/* binding */ writeToStderr),
/* harmony export */   createLocalTarget: () => (/* binding */ createLocalTarget),
/* harmony export */   j7: () => (/* binding */ NETPERF_VERSION_TIMEOUT_MS),
/* harmony export */   sweepLeftovers: () => (/* binding */ sweepLeftovers)
/* harmony export */ });
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22017);
/* harmony import */ var _cpu_profiles_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96543);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18362);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22014);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12286);
/* harmony import */ var _namespaces_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15832);
/* harmony import */ var _netperf_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(82736);
/* harmony import */ var _what_if_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92768);
/**
 * The `local` target: two network namespaces on this machine, joined by two veth pairs, play the client
 * and server nodes; CPU limits are emulated with CPU affinity (see cpu-profiles.ts). The pod link is
 * measured and changed by what-ifs; the reference link, measured in turn with it through the same
 * netservers and the same pinning, lets the gate divide out the machine's drift.
 */









/** Bound for `netperf -V`. */
const NETPERF_VERSION_TIMEOUT_MS = 10_000;
/** The targets' default log: one line to stderr (the local fleet uses it too). */
function writeToStderr(line) {
    process.stderr.write(`${line}\n`);
}
/**
 * Removes what killed local runs left behind (`npg-<pid>-cli|srv` and local fleets' `npg-<pid>-sw|n<K>` namespaces whose pid has gone, and
 * the processes in them), logging one line when there was any; `prepare` does the same. Returns the
 * namespaces removed. For `netperf-gate cleanup`.
 */
async function sweepLeftovers(deps = {}) {
    return (0,_namespaces_js__WEBPACK_IMPORTED_MODULE_5__/* .sweepLeftoverNamespaces */ .UP)(deps.runner ?? (0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .createCommandRunner */ ._m)(), deps.log ?? writeToStderr);
}
/** Creates the local target; nothing happens on this machine until `prepare`. */
function createLocalTarget(options, deps = {}) {
    const runner = deps.runner ?? (0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .createCommandRunner */ ._m)();
    const names = (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .namesFor */ .GT)(options.runId ?? String(process.pid));
    const run = (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .newLocalRun */ .X7)({
        runner,
        log: deps.log ?? writeToStderr,
        names,
        settings: (0,_what_if_js__WEBPACK_IMPORTED_MODULE_7__/* .normaliseSettings */ .Ow)(options),
        reference: options.reference ?? true,
    });
    const { pod, reference } = (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .linksOf */ .hP)(names);
    return {
        kind: 'local',
        names,
        ...pairTo(run, pod.serverAddress),
        ...(run.reference ? { reference: pairTo(run, reference.serverAddress) } : {}),
        prepare: (scenarios) => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .prepareRun */ .Z0)(run, scenarios),
        fingerprint: () => fingerprint(run),
        cleanup: () => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanupRun */ .wX)(run),
        cleanupSync: () => (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanupRunSync */ .vO)(run),
    };
}
/** netperf against one link's server address: the pod and reference pairs differ in nothing else. */
function pairTo(run, serverAddress) {
    return {
        endpoint: (scenario) => ({ host: serverAddress, port: (0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_1__/* .profileOf */ .dp)(run.profiles, scenario).port }),
        runNetperf: (scenario, argvs) => (0,_netperf_client_js__WEBPACK_IMPORTED_MODULE_6__/* .runNetperfIn */ .l)(run.runner, run.names.clientNamespace, (0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_1__/* .profileOf */ .dp)(run.profiles, scenario).clientCores, scenario, argvs),
    };
}
async function fingerprint(run) {
    const version = await run.runner.run(['netperf', '-V'], { timeoutMs: NETPERF_VERSION_TIMEOUT_MS });
    return (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .buildFingerprint */ .LV)({
        names: run.names,
        host: run.host ?? (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .readHostFacts */ .ah)(),
        netperfVersion: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNetperfVersion */ .s7)(version.stdout),
        profiles: run.profiles,
        settings: run.settings,
        reference: run.reference,
    });
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

/***/ 15832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UP: () => (/* binding */ sweepLeftoverNamespaces),
/* harmony export */   Ub: () => (/* binding */ createNamespacePair),
/* harmony export */   X4: () => (/* binding */ runChecked),
/* harmony export */   b4: () => (/* binding */ addNamespace),
/* harmony export */   iq: () => (/* binding */ removeNamespace),
/* harmony export */   vF: () => (/* binding */ waitUntilLinkUp),
/* harmony export */   zO: () => (/* binding */ removeNamespaceSync)
/* harmony export */ });
/* unused harmony exports IP_COMMAND_TIMEOUT_MS, LINK_UP_TIMEOUT_MS, LINK_UP_POLL_MS, killPid, isPidAlive */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70017);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22017);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12286);
/** The two network namespaces of a local run, the two veth pairs between them, and leftovers of killed runs. */




/** Bound for one `ip` command. */
const IP_COMMAND_TIMEOUT_MS = 15_000;
/** How long the kernel may take to report a new veth end operationally up. */
const LINK_UP_TIMEOUT_MS = 5_000;
/** Pause between two looks at a link's state. */
const LINK_UP_POLL_MS = 20;
/** Runs a command that must succeed; a non-zero exit becomes an InfraError quoting its first line. */
async function runChecked(runner, argv) {
    const output = await runner.run(argv, { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    if (output.exitCode !== 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfraError */ .iG(`\`${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .formatArgv */ .gL)(argv)}\` failed: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .firstOutputLine */ .qX)(output)}`);
    }
    return output;
}
/** Creates one network namespace; an existing one (another run with this id) is a one-line InfraError. */
async function addNamespace(runner, name) {
    const output = await runner.run(['ip', 'netns', 'add', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    if (output.exitCode === 0)
        return;
    if (/exists/i.test(output.stderr)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfraError */ .iG(`network namespace ${name} already exists: another run uses this run id; pick another, or remove it with \`ip netns del ${name}\``);
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfraError */ .iG(`could not create network namespace ${name}: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .firstOutputLine */ .qX)(output)}`);
}
/**
 * Creates both namespaces and joins them with two veth pairs (pod link, reference link) whose ends are
 * created directly inside them, so nothing ever appears in the host's namespace. `onCreated` hears of
 * each namespace as soon as it exists, so a failure halfway still lets cleanup find it.
 */
async function createNamespacePair(runner, names, onCreated) {
    for (const namespace of [names.clientNamespace, names.serverNamespace]) {
        await addNamespace(runner, namespace);
        onCreated(namespace);
    }
    for (const namespace of [names.clientNamespace, names.serverNamespace]) {
        await runChecked(runner, ['ip', '-n', namespace, 'link', 'set', 'lo', 'up']);
    }
    const { pod, reference } = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .linksOf */ .hP)(names);
    await addLink(runner, names, pod);
    await addLink(runner, names, reference);
    for (const link of [pod, reference]) {
        await waitUntilLinkUp(runner, names.clientNamespace, link.clientInterface);
        await waitUntilLinkUp(runner, names.serverNamespace, link.serverInterface);
    }
}
/** One veth pair between the namespaces, addressed and set up (not yet waited for). */
async function addLink(runner, names, link) {
    const { clientNamespace: cli, serverNamespace: srv } = names;
    await runChecked(runner, [
        'ip',
        'link',
        'add',
        link.clientInterface,
        'netns',
        cli,
        'type',
        'veth',
        'peer',
        'name',
        link.serverInterface,
        'netns',
        srv,
    ]);
    const ends = [
        { namespace: cli, device: link.clientInterface, address: link.clientAddress },
        { namespace: srv, device: link.serverInterface, address: link.serverAddress },
    ];
    for (const { namespace, device, address } of ends) {
        const prefix = `${address}/${_names_js__WEBPACK_IMPORTED_MODULE_2__/* .VETH_PREFIX_LENGTH */ .GJ}`;
        await runChecked(runner, ['ip', '-n', namespace, 'addr', 'add', prefix, 'dev', device]);
        await runChecked(runner, ['ip', '-n', namespace, 'link', 'set', device, 'up']);
    }
}
/**
 * Waits until a veth end is operationally up. The kernel marks it up (and activates its qdisc) a little
 * after `link set up`, from a work queue; a busy machine can delay that, and packets sent meanwhile are
 * dropped, which would cost netperf's first connection a one-second SYN retransmission.
 */
async function waitUntilLinkUp(runner, namespace, device) {
    const deadline = Date.now() + LINK_UP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        const output = await runChecked(runner, ['ip', '-n', namespace, '-o', 'link', 'show', 'dev', device]);
        if (/\bstate UP\b/.test(output.stdout))
            return;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(LINK_UP_POLL_MS);
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfraError */ .iG(`${device} in ${namespace} did not come up within ${LINK_UP_TIMEOUT_MS / 1000} s: check \`ip -n ${namespace} link show dev ${device}\``);
}
/** Sends SIGKILL to a pid; one that has gone already is fine. */
function killPid(pid) {
    try {
        process.kill(pid, 'SIGKILL');
    }
    catch (error) {
        if (error.code !== 'ESRCH')
            throw error;
    }
}
/** Whether a pid is running (EPERM: it runs, but as someone else). */
function isPidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Kills every process in a namespace, then deletes it (which removes its veth ends, and so both pairs). Returns the kill count. */
async function removeNamespace(runner, name) {
    const pids = await runner.run(['ip', 'netns', 'pids', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    const victims = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePidList */ .nt)(pids.stdout);
    for (const pid of victims)
        killPid(pid);
    const output = await runner.run(['ip', 'netns', 'del', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    // Like a 404 on delete: a namespace someone else removed already is what we wanted.
    if (output.exitCode !== 0 && !/No such file/i.test(output.stderr)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfraError */ .iG(`could not delete network namespace ${name}: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .firstOutputLine */ .qX)(output)}`);
    }
    return victims.length;
}
/** {@link removeNamespace} for exit handlers: synchronous, best effort, never throws. */
function removeNamespaceSync(runner, name) {
    try {
        const pids = runner.runSync(['ip', 'netns', 'pids', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
        for (const pid of (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePidList */ .nt)(pids.stdout))
            killPid(pid);
        runner.runSync(['ip', 'netns', 'del', name], { timeoutMs: IP_COMMAND_TIMEOUT_MS });
    }
    catch {
        // An exit handler has nobody to tell; `netperf-gate cleanup` or the next run's sweep gets the rest.
    }
}
/**
 * Removes namespaces of killed runs (`npg-<pid>-cli|srv`, a local fleet's `npg-<pid>-sw|n<K>`, whose pid has gone) and logs one line when it
 * removed any; returns their names. A leftover that cannot be removed is logged, not thrown: it must
 * not stop a new run (only `ip netns list` failing throws).
 */
async function sweepLeftoverNamespaces(runner, log) {
    const list = await runChecked(runner, ['ip', 'netns', 'list']);
    const leftovers = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .leftoverNamespaces */ .E_)((0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNamespaceList */ .JT)(list.stdout), isPidAlive);
    if (leftovers.length === 0)
        return [];
    let killed = 0;
    const failures = [];
    for (const name of leftovers) {
        try {
            killed += await removeNamespace(runner, name);
        }
        catch (error) {
            failures.push((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .formatError */ .Wk)(error));
        }
    }
    const failed = failures.length === 0 ? '' : `; failed: ${failures.join('; ')}`;
    log(`removed leftovers of killed runs: ${leftovers.join(', ')} (${killed} processes killed)${failed}`);
    return leftovers;
}


/***/ }),

/***/ 82736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ runNetperfIn)
/* harmony export */ });
/* unused harmony export NETPERF_TIMEOUT_MARGIN_MS */
/* harmony import */ var _netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29284);
/* harmony import */ var _same_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87554);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22014);
/* harmony import */ var _netservers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29721);
/**
 * netperf clients in a namespace, shared by the single local target and the local fleet: every
 * instance of a sample starts together, each run bounded by its duration plus a margin.
 */




/** Time a netperf run may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
/**
 * Starts every netperf process together in `namespace`, pinned to `cores` (null: unpinned), so the
 * connections overlap: identical instances through one fan-out shell (see fan-out.ts for why), others
 * as separate processes. Holds no state of its own, so calls for different namespaces may overlap.
 */
async function runNetperfIn(runner, namespace, cores, scenario, argvs) {
    const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
    const fanOut = (0,_same_command_js__WEBPACK_IMPORTED_MODULE_1__/* .fanOutCommand */ .b_)('netperf', argvs);
    if (fanOut !== undefined) {
        const output = await runner.run((0,_netservers_js__WEBPACK_IMPORTED_MODULE_3__/* .inNamespace */ .d2)(namespace, cores, fanOut), { timeoutMs });
        return (0,_netperf_fan_out_js__WEBPACK_IMPORTED_MODULE_0__/* .splitFanOutOutput */ .v7)(output, argvs.length);
    }
    const runs = argvs.map((argv) => runner.run((0,_netservers_js__WEBPACK_IMPORTED_MODULE_3__/* .inNamespace */ .d2)(namespace, cores, ['netperf', ...argv]), { timeoutMs }));
    return (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .allOrFirstFailure */ .hE)(runs);
}


/***/ }),

/***/ 29721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JY: () => (/* binding */ startNetserver),
/* harmony export */   NZ: () => (/* binding */ stopNetserver),
/* harmony export */   d2: () => (/* binding */ inNamespace),
/* harmony export */   d6: () => (/* binding */ waitUntilListening)
/* harmony export */ });
/* unused harmony exports NETSERVER_READY_TIMEOUT_MS, NETSERVER_READY_POLL_MS, SS_TIMEOUT_MS, NETSERVER_EXIT_TIMEOUT_MS */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22017);
/* harmony import */ var _cpu_profiles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96543);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12286);
/**
 * One netserver per CPU profile in the server namespace, and the wait until each accepts connections.
 * Each listens on every address of the namespace, so the same process (with the same CPU pinning) serves
 * both the pod link and the reference link; netperf opens its data connection to the address it was
 * given with -H, so a test's control and data connections take the same link.
 */





/** How long a netserver may take to listen on its port. */
const NETSERVER_READY_TIMEOUT_MS = 10_000;
/** Pause between two looks at the listening sockets. */
const NETSERVER_READY_POLL_MS = 50;
/** Bound for one `ss` look. */
const SS_TIMEOUT_MS = 5_000;
/** How long a killed netserver may take to be reaped. */
const NETSERVER_EXIT_TIMEOUT_MS = 5_000;
/** `ip netns exec NS [taskset -c LIST] PROGRAM ARGS…`: a program in a namespace, pinned when cores are given. */
function inNamespace(namespace, cores, command) {
    const pin = cores === null ? [] : ['taskset', '-c', (0,_cpu_profiles_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCpuList */ .mK)(cores)];
    return ['ip', 'netns', 'exec', namespace, ...pin, ...command];
}
/** Starts the profile's netserver in the foreground (`-D`) so its handle is the process itself. */
function startNetserver(runner, names, profile) {
    const argv = inNamespace(names.serverNamespace, profile.serverCores, [
        'netserver',
        '-D',
        '-4',
        '-L',
        _names_js__WEBPACK_IMPORTED_MODULE_3__/* .NETSERVER_LISTEN_ADDRESS */ ._c,
        '-p',
        String(profile.port),
    ]);
    return { profile, argv, handle: runner.start(argv) };
}
async function isListening(runner, namespace, port) {
    const argv = ['ss', '-N', namespace, '-H', '-l', '-t', '-n', 'sport', '=', `:${port}`];
    const output = await runner.run(argv, { timeoutMs: SS_TIMEOUT_MS });
    return output.exitCode === 0 && output.stdout.trim() !== '';
}
/**
 * Waits until the netserver listens on its port (seen with `ss` inside the server namespace), bounded by
 * {@link NETSERVER_READY_TIMEOUT_MS}; fails at once when it exits instead.
 */
async function waitUntilListening(runner, names, netserver) {
    const { port } = netserver.profile;
    let ended;
    netserver.handle.exited.then((output) => {
        ended = (0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .firstOutputLine */ .qX)(output);
    }, (error) => {
        ended = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatError */ .Wk)(error);
    });
    const deadline = Date.now() + NETSERVER_READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (ended !== undefined)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InfraError */ .iG(`netserver on port ${port} exited before listening: ${ended}`);
        if (await isListening(runner, names.serverNamespace, port))
            return;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(NETSERVER_READY_POLL_MS);
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InfraError */ .iG(`netserver did not listen on port ${port} in ${names.serverNamespace} within ${NETSERVER_READY_TIMEOUT_MS / 1000} s: try \`${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .formatArgv */ .gL)(netserver.argv)}\` by hand`);
}
/** Kills a netserver and waits (bounded) until it has been reaped, so no handle keeps Node alive. */
async function stopNetserver(netserver) {
    netserver.handle.kill('SIGKILL');
    const abort = new AbortController();
    const timeout = (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(NETSERVER_EXIT_TIMEOUT_MS, 'timeout', { signal: abort.signal }).catch(() => 'aborted');
    const exited = netserver.handle.exited.then(() => 'exited', () => 'exited');
    const outcome = await Promise.race([exited, timeout]);
    abort.abort();
    if (outcome === 'timeout') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InfraError */ .iG(`netserver (pid ${netserver.handle.pid}) did not exit within ${NETSERVER_EXIT_TIMEOUT_MS / 1000} s of SIGKILL`);
    }
}


/***/ }),

/***/ 46797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   Rb: () => (/* binding */ runsAsRoot),
/* harmony export */   Wy: () => (/* binding */ REQUIRED_PROGRAMS)
/* harmony export */ });
/* unused harmony export PROGRAM_PROBE_TIMEOUT_MS */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/** Checks the local target makes before it creates anything: root, and every program it will run. */

/** Bound for one `PROGRAM -V` probe. */
const PROGRAM_PROBE_TIMEOUT_MS = 10_000;
/** Programs every local run needs: namespaces and veth (`ip`), readiness (`ss`), affinity, netperf. */
const REQUIRED_PROGRAMS = ['ip', 'ss', 'taskset', 'netperf', 'netserver'];
/** True when the current process runs as root. */
function runsAsRoot() {
    return process.getuid?.() === 0;
}
/**
 * Throws a one-line InfraError when the local target cannot work here: not root, or a program missing
 * (the message names the Debian package). Every program answers `-V`; its exit code does not matter,
 * only that it exists.
 */
async function preflight({ runner, isRoot, programs }) {
    if (!isRoot) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfraError */ .iG('the local target needs root to create network namespaces: run as root (sudo netperf-gate …) or use --target kubernetes');
    }
    // Sequential on purpose: the first missing program is reported, in a stable order.
    for (const program of programs) {
        await runner.run([program, '-V'], { timeoutMs: PROGRAM_PROBE_TIMEOUT_MS });
    }
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
