export const id = 717;
export const ids = [717,547,587,87,747];
export const modules = {

/***/ 29284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ buildFanOutArgv),
/* harmony export */   v7: () => (/* binding */ splitFanOutOutput)
/* harmony export */ });
/* unused harmony export FAN_OUT_SCRIPT */
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
/** The argv that runs `instances` copies of `command` together through FAN_OUT_SCRIPT. */
function buildFanOutArgv(instances, command) {
    if (!Number.isInteger(instances) || instances < 1)
        throw new RangeError(`instances must be ≥ 1, got ${instances}`);
    return ['sh', '-c', FAN_OUT_SCRIPT, 'netperf-gate-fan-out', String(instances), ...command];
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

/***/ 34111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readApiFailure),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   ge: () => (/* binding */ describeApiFailure),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/**
 * What a failed Kubernetes API call tells us, read from the error shapes client-node throws: pure.
 * `ApiException { code, body, headers }` for HTTP answers (body: the Status object as text), undici's
 * `TypeError('fetch failed')` with a `cause.code` for network failures, `{ statusCode }` from Watch.
 */
function asRecord(value) {
    return typeof value === 'object' && value !== null ? value : undefined;
}
function parseStatusBody(body) {
    if (typeof body === 'string') {
        try {
            return asRecord(JSON.parse(body));
        }
        catch {
            return undefined;
        }
    }
    return asRecord(body);
}
function networkCodeOf(error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
        return 'TimeoutError';
    for (let cause = error, depth = 0; cause !== undefined && depth < 4; depth++) {
        if (typeof cause.code === 'string')
            return cause.code;
        cause = asRecord(cause.cause);
    }
    return undefined;
}
/**
 * ws drops the body of a refused WebSocket upgrade, so a 403 on exec arrives as "Unexpected server
 * response: 403" without the API server's Status: say what it refuses and how to grant it.
 */
function execUpgradeRefusal(error, status) {
    if (error.name !== 'ExecHandshakeError' || status !== 403)
        return undefined;
    return "the API server refused the exec's WebSocket upgrade (403 Forbidden): the user needs get and create on pods/exec in the pod's namespace; grant them with the RBAC in deploy/rbac (see the README's Kubernetes target section)";
}
function firstLine(text) {
    return text.split('\n')[0]?.trim() ?? '';
}
/** Reads any thrown value into an {@link ApiFailure}. */
function readApiFailure(error) {
    const record = asRecord(error);
    const ownMessage = error instanceof Error ? error.message : String(error);
    if (record === undefined)
        return { message: ownMessage };
    // DOMException has a numeric `code` too (23 for a timeout): only HTTP statuses count.
    const status = typeof record.code === 'number' ? record.code : record.statusCode;
    if (typeof status === 'number' && status >= 100) {
        const body = parseStatusBody(record.body);
        const headers = asRecord(record.headers) ?? {};
        const retryAfter = Number(headers['retry-after']);
        return {
            status,
            ...(typeof body?.reason === 'string' ? { reason: body.reason } : {}),
            message: firstLine(typeof body?.message === 'string' ? body.message : (execUpgradeRefusal(record, status) ?? ownMessage)),
            ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
        };
    }
    const networkCode = networkCodeOf(record);
    const causeMessage = asRecord(record.cause)?.message;
    const message = typeof causeMessage === 'string' ? `${ownMessage}: ${causeMessage}` : ownMessage;
    return { message: firstLine(message), ...(networkCode !== undefined ? { networkCode } : {}) };
}
/** Whether the error is the server saying the object is not there (delete and read treat it as gone). */
function isNotFound(error) {
    return readApiFailure(error).status === 404;
}
/** Whether a create found the name taken. */
function isAlreadyExists(error) {
    return readApiFailure(error).status === 409;
}
/** One line for people: "403 Forbidden: pods is forbidden: …" or the network error. */
function describeApiFailure(failure) {
    if (failure.status === undefined)
        return failure.networkCode ? `${failure.networkCode}: ${failure.message}` : failure.message;
    return `${failure.status}${failure.reason ? ` ${failure.reason}` : ''}: ${failure.message}`;
}


/***/ }),

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

/***/ 49547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  API_REQUEST_TIMEOUT_MS: () => (/* binding */ API_REQUEST_TIMEOUT_MS),
  createKubeApi: () => (/* binding */ createKubeApi)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 874 modules
var dist = __webpack_require__(62910);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(34111);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/web-socket-handler.js
var web_socket_handler = __webpack_require__(69024);
;// CONCATENATED MODULE: ./src/targets/kubernetes/exec-status.ts
/** Reads the channel-3 Status of an exec. */
function execEndFromStatus(status) {
    if (status.status === 'Success')
        return { exitCode: 0 };
    if (status.reason === 'NonZeroExitCode') {
        const cause = status.details?.causes?.find((candidate) => candidate.reason === 'ExitCode');
        const exitCode = Number(cause?.message);
        if (Number.isInteger(exitCode))
            return { exitCode };
    }
    return {
        failure: status.message?.split('\n')[0]?.trim() || status.reason || 'exec failed without a message',
    };
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/exec.ts
/**
 * Exec over WebSocket with client-node's Exec (channel protocol v5/v4: 1 stdout, 2 stderr, 3 Status).
 * Its WebSocketHandler is wrapped so that a v5 close frame (255) or an unknown channel cannot end our
 * own stdout or throw inside the socket's message handler.
 */


// Not re-exported by the package index; the package has no exports map, so the file is reachable.



/** Output kept per stream of one exec; netperf prints a few lines. */
const MAX_EXEC_OUTPUT_BYTES = 1_000_000;
function collector() {
    const chunks = [];
    let size = 0;
    const stream = new external_node_stream_.Writable({
        write(chunk, _encoding, done) {
            if (size < MAX_EXEC_OUTPUT_BYTES)
                chunks.push(chunk);
            size += chunk.length;
            done();
        },
    });
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
/** The handler, with frames only our streams understand passed on. */
function guardedHandler(config) {
    const idle = { stdin: external_node_stream_.Readable.from([]), stdout: new external_node_stream_.PassThrough(), stderr: new external_node_stream_.PassThrough() };
    const handler = new web_socket_handler/* WebSocketHandler */.w(config, undefined, idle);
    return {
        connect: (path, textHandler, binaryHandler) => handler.connect(path, textHandler, (channel, data) => channel >= 1 && channel <= 3 && binaryHandler !== null ? binaryHandler(channel, data) : true),
    };
}
/** The WebSocket upgrade was refused: carries the HTTP status so retries can judge it (nothing ran yet). */
class ExecHandshakeError extends Error {
    statusCode;
    name = 'ExecHandshakeError';
    constructor(message, statusCode) {
        super(message);
        this.statusCode = statusCode;
    }
}
/**
 * The connect failure as an Error: ws hands `onerror` an ErrorEvent whose `error` is the real one, and
 * says "Unexpected server response: 500" when the upgrade is answered with an HTTP error.
 */
function connectError(failure) {
    const inner = failure?.error;
    const error = inner instanceof Error ? inner : failure;
    const status = /Unexpected server response: (\d{3})/.exec(error instanceof Error ? error.message : '');
    return status?.[1] === undefined
        ? error
        : new ExecHandshakeError(error.message, Number(status[1]));
}
/** The name the fan-out script runs under ($0), right after `sh -c SCRIPT` (see src/netperf/fan-out.ts). */
const FAN_OUT_NAME = 'netperf-gate-fan-out';
/**
 * A command for messages: the program, and what it was asked to do. The fan-out script (`sh -c
 * SCRIPT netperf-gate-fan-out N netperf …`) is named by what it runs, "32 × netperf …", not by its script.
 */
function describeCommand(command) {
    if (command[0] === 'sh' && command[3] === FAN_OUT_NAME) {
        const [count = '?', program = '?', ...args] = command.slice(4);
        return { program, text: `${count} × ${[program, ...args].join(' ')}` };
    }
    return { program: command[0] ?? '?', text: command.join(' ') };
}
function finished(stream) {
    return stream.writableFinished
        ? Promise.resolve()
        : new Promise((resolve) => stream.once('finish', resolve));
}
/**
 * Runs `command` in the container, resolving with its output and exit code. Rejects with an InfraError
 * when the socket closes without an exit status (the exec connection dropped), when the command could
 * not run, or after `timeoutMs`.
 */
async function execInPod(config, where, command, timeoutMs) {
    const stdout = collector();
    const stderr = collector();
    let status;
    const exec = new dist/* Exec */.WoD(config, guardedHandler(config));
    const socket = await exec
        .exec(where.namespace, where.pod, where.container, [...command], stdout.stream, stderr.stream, null, false, (received) => {
        status = received;
    })
        .catch((error) => {
        throw connectError(error);
    });
    const described = describeCommand(command);
    const what = `'${described.text}' in pod ${where.namespace}/${where.pod}`;
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            socket.terminate();
            reject(new errors/* InfraError */.iG(`${what} did not end within ${Math.round(timeoutMs / 1000)} s: check the pod and its node, then run again`));
        }, timeoutMs);
        socket.once('close', () => {
            clearTimeout(timer);
            resolve();
        });
    });
    if (status === undefined) {
        throw new errors/* InfraError */.iG(`the exec connection to pod ${where.namespace}/${where.pod} dropped before ${described.program} ended (no exit status): check the API server, the node's kubelet and the network to it, then run again`);
    }
    const end = execEndFromStatus(status);
    if ('failure' in end)
        throw new errors/* InfraError */.iG(`could not run ${what}: ${end.failure}`);
    await Promise.all([finished(stdout.stream), finished(stderr.stream)]);
    return { stdout: stdout.text(), stderr: stderr.text(), exitCode: end.exitCode };
}

// EXTERNAL MODULE: ./src/targets/kubernetes/names.ts
var names = __webpack_require__(7747);
;// CONCATENATED MODULE: ./src/targets/kubernetes/retry.ts
/**
 * Retries of Kubernetes API calls: pure policy plus a small loop with an injected clock.
 * Only calls that are safe to repeat are retried: GET/LIST/DELETE, and creates of objects with fixed
 * names (a repeated create answers 409, which the caller checks against its own run id).
 */

/** Four attempts within about 4 s (more for a Retry-After): transient errors pass, a dead server fails fast. */
const API_RETRY_POLICY = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 };
/** Network failures worth another try: the connection broke or the server was briefly away. */
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'TimeoutError',
]);
/** Whether a failure may pass by itself: 429, 5xx (501 Not Implemented never does), network trouble. */
function isRetryable(failure) {
    if (failure.status !== undefined)
        return failure.status === 429 || (failure.status >= 500 && failure.status !== 501);
    return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}
/**
 * Delay before attempt `attempt + 1` (attempt counts from 1), or undefined to give up. Retry-After is
 * honoured; otherwise exponential backoff with "equal jitter" (half the step fixed, half random), so
 * many clients hit by the same outage do not come back in step. `random` returns [0, 1).
 */
function retryDelayMs(failure, attempt, policy, random) {
    if (attempt >= policy.maxAttempts || !isRetryable(failure))
        return undefined;
    if (failure.retryAfterSeconds !== undefined)
        return Math.min(failure.retryAfterSeconds * 1000, policy.maxDelayMs);
    const step = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    return Math.round(step / 2 + (random() * step) / 2);
}
function realSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Calls `call` until it succeeds, fails for good, or the policy's attempts are used up; throws the last error. */
async function withRetry(call, deps = {}) {
    const policy = deps.policy ?? API_RETRY_POLICY;
    for (let attempt = 1;; attempt++) {
        try {
            return await call(attempt);
        }
        catch (error) {
            const failure = (0,api_errors/* readApiFailure */.HQ)(error);
            const delay = retryDelayMs(failure, attempt, policy, deps.random ?? Math.random);
            if (delay === undefined)
                throw error;
            deps.onRetry?.(failure, attempt, delay);
            await (deps.sleep ?? realSleep)(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/client.ts
/** {@link KubeApi} on @kubernetes/client-node: timeouts and retries around the generated API calls. */






/** Bound for one API request (list, create, delete …); watches and execs have their own. */
const API_REQUEST_TIMEOUT_MS = 30_000;
/** Options for one request: an abort signal that fires after {@link API_REQUEST_TIMEOUT_MS}. */
function timeoutOptions(timeoutMs) {
    const middleware = {
        pre: (context) => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return new dist/* Observable */.cPK(Promise.resolve(context));
        },
        post: (response) => new dist/* Observable */.cPK(Promise.resolve(response)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
async function readOrUndefined(read) {
    try {
        return await read();
    }
    catch (error) {
        if ((0,api_errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
async function deleteIgnoringNotFound(remove) {
    try {
        await remove();
    }
    catch (error) {
        if (!(0,api_errors/* isNotFound */.c4)(error))
            throw error;
    }
}
/**
 * A create retried after a lost answer finds its own object (409): accept it when it carries our run
 * id, otherwise the name belongs to someone else.
 */
async function createOnce(create, read, runId, retry) {
    return withRetry(async (attempt) => {
        try {
            return await create();
        }
        catch (error) {
            if (attempt === 1 || !(0,api_errors/* isAlreadyExists */.x9)(error))
                throw error;
            const existing = await read();
            if (existing.metadata?.labels?.[names.RUN_ID_LABEL] !== runId)
                throw error;
            return existing;
        }
    }, retry);
}
/** {@link KubeApi.watchPods} with client-node's Watch (one JSON event per line). */
async function watchPods(config, ...[namespace, labelSelector, resourceVersion, onEvent, onEnd]) {
    let stopped = false;
    const query = { labelSelector, allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) };
    const controller = await new dist/* Watch */.ox1(config).watch(`/api/v1/namespaces/${namespace}/pods`, query, (type, object) => onEvent({ type, object }), (error) => {
        if (!stopped)
            onEnd(error);
    });
    return {
        stop: () => {
            stopped = true;
            controller.abort();
        },
    };
}
/** Creates the API on a loaded kubeconfig; nothing is sent until a method is called. */
function createKubeApi(config, retry = {}) {
    const core = config.makeApiClient(dist/* CoreV1Api */.f5Y);
    const version = config.makeApiClient(dist/* VersionApi */.Nq_);
    const server = config.getCurrentCluster()?.server ?? 'the kubeconfig server';
    const options = () => timeoutOptions(API_REQUEST_TIMEOUT_MS);
    const retried = (call) => withRetry(call, retry);
    return {
        server,
        serverVersion: async () => (await retried(() => version.getCode(options()))).gitVersion,
        listNodes: async () => (await retried(() => core.listNode({}, options()))).items,
        createNamespace: (body, runId) => createOnce(() => core.createNamespace({ body }, options()), () => core.readNamespace({ name: body.metadata?.name ?? '' }, options()), runId, retry),
        readNamespace: (name) => readOrUndefined(() => retried(() => core.readNamespace({ name }, options()))),
        listNamespaces: async (labelSelector) => (await retried(() => core.listNamespace({ labelSelector }, options()))).items,
        deleteNamespace: (name) => deleteIgnoringNotFound(() => retried(() => core.deleteNamespace({ name, propagationPolicy: 'Background' }, options()))),
        createPod: (namespace, body, runId) => createOnce(() => core.createNamespacedPod({ namespace, body }, options()), () => core.readNamespacedPod({ namespace, name: body.metadata?.name ?? '' }, options()), runId, retry),
        readPod: (namespace, name) => readOrUndefined(() => retried(() => core.readNamespacedPod({ namespace, name }, options()))),
        listPods: async (namespace, labelSelector) => {
            const list = await retried(() => core.listNamespacedPod({ namespace, ...(labelSelector ? { labelSelector } : {}) }, options()));
            return { pods: list.items, resourceVersion: list.metadata?.resourceVersion };
        },
        deletePod: (namespace, name) => deleteIgnoringNotFound(() => retried(() => core.deleteNamespacedPod({ namespace, name }, options()))),
        listEvents: async (namespace) => (await retried(() => core.listNamespacedEvent({ namespace }, options()))).items,
        watchPods: (...args) => watchPods(config, ...args),
        exec: (namespace, pod, container, command, timeoutMs) => retried(() => execInPod(config, { namespace, pod, container }, command, timeoutMs)).catch((error) => {
            if (error instanceof errors/* InfraError */.iG)
                throw error;
            throw new errors/* InfraError */.iG(`could not exec in pod ${namespace}/${pod}: ${(0,api_errors/* readApiFailure */.HQ)(error).message}`);
        }),
    };
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
 * Network failures name the server URL; 401/403 point at credentials and the RBAC manifests.
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
    if (failure.status === 403) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfraError */ .iG(`The Kubernetes API at ${server} refused ${doing} (${said}): grant it with deploy/rbac/namespace-per-run.yaml, or run with --namespace and deploy/rbac/existing-namespace.yaml`);
    }
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

/***/ 52717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKubernetesTarget: () => (/* binding */ createKubernetesTarget)
});

// UNUSED EXPORTS: NETPERF_TIMEOUT_MARGIN_MS, NETPERF_VERSION_TIMEOUT_MS, deleteRecordedResources, newRunId, normaliseSettings

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/targets/kubernetes/cleanup.ts
var cleanup = __webpack_require__(6087);
// EXTERNAL MODULE: ./src/targets/kubernetes/client.ts + 3 modules
var client = __webpack_require__(49547);
// EXTERNAL MODULE: ./src/targets/kubernetes/connection.ts
var connection = __webpack_require__(65587);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/targets/kubernetes/label-selector.ts
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
    throw new errors/* UsageError */.eb(`Invalid --node-selector '${selector}': cannot read '${part}'. ${HINT}`);
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/profiles.ts

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
            throw new errors/* UsageError */.eb(`Invalid cpus ${cpus} in scenario ${scenario.name}. Expected a whole number ≥ 1.`);
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/tolerations.ts

/** Taint effects Kubernetes knows. */
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Effects that keep a pod off a node; PreferNoSchedule only makes the scheduler look elsewhere first. */
const BLOCKING_EFFECTS = new Set(['NoSchedule', 'NoExecute']);
// A label key: optional DNS-subdomain prefix and '/', then a name of up to 63 characters.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const tolerations_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
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
    throw new errors/* UsageError */.eb(`Invalid --toleration '${text}': unknown effect '${effect}'. Expected one of ${TAINT_EFFECTS.join(', ')}.`);
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
        throw new errors/* UsageError */.eb(`Invalid --toleration '${text}': bad key '${key}'. ${FORMAT_HINT}`);
    if (value !== undefined && !tolerations_VALUE.test(value)) {
        throw new errors/* UsageError */.eb(`Invalid --toleration '${text}': bad value '${value}'. ${FORMAT_HINT}`);
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/node-choice.ts




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
/** Why a node cannot take the pods, apart from CPU and the selector; empty when it can. */
function placementProblems(node, input) {
    const problems = [];
    if (!isReady(node))
        problems.push('NotReady');
    if (node.spec?.unschedulable === true)
        problems.push('cordoned');
    const taints = blockingTaints(node.spec?.taints ?? [], input.tolerations).map(formatTaint);
    if (taints.length > 0) {
        const flags = taints.map((taint) => `--toleration ${taint}`).join(' ');
        problems.push(`taint${taints.length > 1 ? 's' : ''} ${taints.join(', ')} not tolerated: add ${flags}`);
    }
    return problems;
}
function matches(node, input) {
    return matchesSelector(node.metadata?.labels, input.selector);
}
function hasCpu(node, input) {
    return allocatableMillis(node) >= input.needMillis;
}
function cpuError(nodes, input) {
    const list = nodes.map((node) => `${nameOf(node)} ${formatCpus(allocatableMillis(node))}`).join(', ');
    return new errors/* UsageError */.eb(`Each node needs ${input.needText} allocatable; allocatable CPUs: ${list}. Use bigger nodes or leave out the largest scenarios (--scenarios).`);
}
function namedNode(input, name, flag) {
    const node = input.nodes.find((candidate) => nameOf(candidate) === name);
    if (node === undefined) {
        const names = input.nodes.map(nameOf).join(', ') || 'none';
        throw new errors/* UsageError */.eb(`Unknown ${flag} '${name}'. Nodes in the cluster: ${names}.`);
    }
    const problems = placementProblems(node, input);
    if (problems.length > 0)
        throw new errors/* UsageError */.eb(`${flag} ${name} cannot take the pods: ${problems.join('; ')}.`);
    if (!hasCpu(node, input))
        throw cpuError([node], input);
    return node;
}
/** "of the 2 matching nodes: perf-1 (taint …), perf-2 (ok)": why each candidate was left out. */
function describeCandidates(input, excluded) {
    const candidates = input.nodes.filter((node) => !excluded.includes(nameOf(node)) && matches(node, input));
    const which = input.selectorText === undefined ? 'nodes' : 'matching nodes';
    const each = candidates.map((node) => {
        const problems = placementProblems(node, input);
        if (!hasCpu(node, input))
            problems.push(`allocatable CPU ${formatCpus(allocatableMillis(node))}`);
        return `${nameOf(node)} (${problems.join('; ') || 'ok'})`;
    });
    return candidates.length === 0
        ? `there are no ${which}`
        : `of the ${candidates.length} ${which}: ${each.join(', ')}`;
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
    throw new errors/* UsageError */.eb(`Need ${needed}${selector}; ${describeCandidates(input, excluded)}.`);
}
/**
 * Chooses client and server nodes: the ones named, else the first by name among Ready, schedulable
 * nodes that match the selector, whose NoSchedule/NoExecute taints are tolerated and that have the CPU.
 * Never one node for both. Throws a UsageError saying what is missing.
 */
function chooseNodes(input) {
    const { clientNode, serverNode } = input;
    if (clientNode !== undefined && clientNode === serverNode) {
        throw new errors/* UsageError */.eb(`--client-node and --server-node are both '${clientNode}'. Expected two different nodes: the measurement is between nodes.`);
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
    };
}
function whyLine(input, namedCount, client, server) {
    const nodes = `client node ${nameOf(client)}, server node ${nameOf(server)}`;
    if (namedCount === 2)
        return `${nodes} (given by --client-node and --server-node)`;
    const selector = input.selectorText ? ` matching '${input.selectorText}'` : '';
    const given = namedCount === 1 ? 'one given, the other ' : '';
    return `${nodes} (${given}first by name among Ready, schedulable nodes${selector} with tolerated taints and ≥ ${formatCpus(input.needMillis)} allocatable CPUs)`;
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/fingerprint.ts


/** Namespaces where CNI agents usually run (kube-system; the Calico operator's; flannel's own). */
const CNI_NAMESPACES = ['kube-system', 'calico-system', 'kube-flannel'];
/**
 * DaemonSets of CNI agents and the CNI they reveal. Their pods are named `<daemonset>-<5 characters>`,
 * which tells `cilium-x7k2p` (the agent) from `cilium-envoy-…` or `cilium-operator-…`.
 */
const CNI_DAEMONSETS = [
    ['cilium', 'cilium'],
    ['calico-node', 'calico'],
    ['kube-flannel-ds', 'flannel'],
    ['canal', 'canal'],
    ['kube-router', 'kube-router'],
    ['weave-net', 'weave'],
    ['antrea-agent', 'antrea'],
    ['kube-ovn-cni', 'kube-ovn'],
    ['aws-node', 'aws-vpc-cni'],
    ['azure-cns', 'azure-cni'],
    ['kindnet', 'kindnet'],
];
/** The CNI whose agent pods are among `pods`, or undefined. */
function detectCni(pods) {
    for (const pod of pods) {
        const name = pod.metadata?.name ?? '';
        const daemonSet = /^(.+)-[a-z0-9]{5}$/.exec(name)?.[1];
        const match = CNI_DAEMONSETS.find(([candidate]) => candidate === daemonSet);
        if (match !== undefined)
            return { name: match[1], image: pod.spec?.containers?.[0]?.image ?? 'unknown' };
    }
    return undefined;
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
/** One node as a fingerprint: the name is the node's, stable run after run on the same cluster. */
function nodeFingerprint(node) {
    const info = node.status?.nodeInfo;
    const capacity = parseCpuMillis(node.status?.capacity?.cpu);
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
            allocatableCpu: formatCpus(allocatableMillis(node)),
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
            image: facts.image,
            reference: facts.reference,
        },
    };
}

// EXTERNAL MODULE: ./src/targets/kubernetes/names.ts
var names = __webpack_require__(7747);
;// CONCATENATED MODULE: ./src/targets/kubernetes/pod-spec.ts


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
                ...(0,names.runLabels)(runId),
                'pod-security.kubernetes.io/enforce': hostNetworkReference ? 'privileged' : 'restricted',
            },
        },
    };
}
/** The netserver control port of a pod: the default on the pod network, one per profile on the host's. */
function netserverPort(profile, network) {
    return network === 'host' ? profile.hostNetworkPort : NETSERVER_PORT;
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
            requests: { cpu: `${REFERENCE_CPU_REQUEST_MILLIS}m`, memory: REFERENCE_MEMORY_REQUEST },
            limits: { memory: POD_MEMORY },
        };
    }
    if (profile.cpus === null) {
        return {
            requests: { cpu: `${UNLIMITED_CPU_REQUEST_MILLIS}m`, memory: POD_MEMORY },
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
        // -D: stay in the foreground (the container's main process); -4: IPv4, the address we hand netperf.
        command: ['netserver', '-D', '-4', '-p', String(port)],
        ports: [{ name: 'netserver', containerPort: port, protocol: 'TCP' }],
        // Ready = netserver accepts connections; the runner only starts netperf against Ready pods.
        readinessProbe: { tcpSocket: { port }, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 3 },
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
            name: (0,names.podName)(runId, role, profile.key, network),
            namespace: input.namespace,
            labels: {
                ...(0,names.runLabels)(runId),
                [names.ROLE_LABEL]: role,
                [names.PROFILE_LABEL]: profile.key,
                [names.NETWORK_LABEL]: network,
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

// EXTERNAL MODULE: ./src/targets/kubernetes/api-errors.ts
var api_errors = __webpack_require__(34111);
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
function withMessage(reason, message) {
    const text = message?.split('\n')[0]?.trim();
    return text ? `${reason ?? 'unknown'}: ${text}` : (reason ?? 'unknown');
}
/** A reason the pod cannot become Ready by waiting (image, crash, ended), or undefined. */
function podFailure(pod) {
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/reference.ts


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
    const failure = (0,api_errors/* readApiFailure */.HQ)(error);
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
    return `host-network pods, ${REFERENCE_CPU_REQUEST_MILLIS}m CPU requested, no limit (Burstable): shared CPU pool`;
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/run-state.ts

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
        reference: initialReference(fixed.settings.hostNetworkReference),
        active: undefined,
        serverVersion: undefined,
        netperfVersion: undefined,
        podIps: new Map(),
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/reference-admission.ts





/** Turns the reference off for the rest of the run and says so in one line. */
function turnReferenceOff(run, why) {
    run.reference = { on: false, why };
    run.log(referenceOffLine(why));
}
/**
 * With a given namespace (--namespace) and the reference on, reads the namespace's Pod Security
 * enforce level: `baseline` or `restricted` forbid host network, so the reference is turned off before
 * its pods are tried. A user who may not read the namespace (403) tries anyway; a namespace that is
 * not there is left to the pod create, which says so.
 */
async function checkGivenNamespace(run) {
    const namespace = run.settings.namespace;
    if (!run.reference.on || namespace === undefined)
        return;
    const api = apiOf(run);
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
    const why = podSecurityForbids(found);
    if (why !== undefined)
        turnReferenceOff(run, why);
}
/**
 * After the reference pods' create failed: when Pod Security refused them, deletes those that were
 * created (a 404 counts as deleted), turns the reference off and resolves true; for any other failure
 * resolves false and leaves the error to the caller.
 */
async function dropRefusedReference(run, referencePods, error) {
    const refusal = podSecurityRefusal(error);
    if (refusal === undefined)
        return false;
    const api = apiOf(run);
    const { namespace } = run.created;
    const names = referencePods.map((pod) => pod.metadata?.name ?? '');
    const gone = await (0,connection.step)(api, 'deleting the host-network reference pods', () => (0,cleanup.deletePodsAndWait)(api, namespace, names, run.cleanupWaitMs));
    // Pods still terminating stay recorded, so that cleanup deletes them again.
    if (gone)
        run.created.pods = run.created.pods.filter((name) => !names.includes(name));
    turnReferenceOff(run, `namespace ${namespace} refused the host-network pods: ${refusal}`);
    return true;
}

;// CONCATENATED MODULE: ./src/targets/kubernetes/profile-switch.ts










/** Throws when cleanup has started: a switch in progress stops and leaves what it made to cleanup. */
function checkpoint(run) {
    if (run.closed)
        throw new errors/* InfraError */.iG('the Kubernetes target was cleaned up while it was preparing pods');
}
/** "cpus 32 (tcp_stream_32, tcp_rr_32cpu)": a profile for people. */
function describeProfile(profile) {
    const size = profile.cpus === null ? 'not limited' : formatCpus(requestMillis(profile));
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
    const api = apiOf(run);
    for (const pod of pods)
        run.created.pods.push(pod.metadata?.name ?? '');
    await allOrFirstFailure(pods.map((pod) => api.createPod(run.created.namespace, pod, run.runId)));
}
function explainCreateFailure(run, error) {
    const { namespace } = run.created;
    if (!run.created.namespaceCreated && (0,api_errors/* isNotFound */.c4)(error)) {
        return new errors/* UsageError */.eb(`Namespace '${namespace}' (--namespace) does not exist. Create it, or omit --namespace to get one per run.`);
    }
    return (0,connection.explainApiError)(`creating pods in namespace ${namespace}`, error, apiOf(run).server);
}
/** The pod objects of a profile on one network: its server and client. */
function pairPods(run, profile, network) {
    const { settings, runId, created, pinned, tolerations } = run;
    if (pinned === undefined)
        throw new Error('pods need the chosen nodes: prepare first');
    const base = { runId, namespace: created.namespace, image: settings.image, tolerations };
    return buildPairPods(base, profile, pinned, network);
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
    if (await dropRefusedReference(run, referencePods, referenceCreated.reason))
        return pods;
    throw explainCreateFailure(run, referenceCreated.reason);
}
async function startPods(run, profile) {
    const pods = await createProfilePods(run, profile);
    checkpoint(run);
    const ready = await waitForPodsReady({
        api: apiOf(run),
        namespace: run.created.namespace,
        selector: (0,names.runSelector)(run.runId),
        podNames: pods.map((pod) => pod.metadata?.name ?? ''),
        bounds: run.bounds,
        describe: (name) => describePod(run, pods, name),
    });
    for (const [name, pod] of ready)
        if (pod.status?.podIP)
            run.podIps.set(name, pod.status.podIP);
    checkpoint(run);
}
async function removePods(run, profile) {
    const names = profilePods(run, profile).map((pod) => pod.metadata?.name ?? '');
    const api = apiOf(run);
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

;// CONCATENATED MODULE: ./src/targets/kubernetes/lifecycle.ts











async function pickNodes(run, tolerations, selector) {
    const { settings } = run;
    const api = apiOf(run);
    const nodes = await (0,connection.step)(api, 'listing nodes', () => api.listNodes());
    const reference = run.reference.on;
    return chooseNodes({
        nodes,
        clientNode: settings.clientNode,
        serverNode: settings.serverNode,
        selectorText: settings.nodeSelector,
        selector,
        tolerations,
        needMillis: nodeCpuNeedMillis(run.profiles, reference),
        needText: describeCpuNeed(run.profiles, reference),
    });
}
function pinned(node) {
    return { name: node.metadata?.name ?? '', hostname: node.metadata?.labels?.[HOSTNAME_LABEL] };
}
async function createNamespace(run) {
    const api = apiOf(run);
    const { settings, runId, created } = run;
    if (settings.namespace !== undefined)
        return;
    created.namespaceCreated = true; // recorded first: a lost answer still leaves it to delete
    const body = buildNamespace(runId, created.namespace, run.reference.on);
    await (0,connection.step)(api, `creating namespace ${created.namespace}`, () => api.createNamespace(body, runId));
}
/**
 * Plans profiles, parses tolerations and the selector (usage errors before anything is created),
 * connects, reads a given namespace's Pod Security level (the reference is off when it forbids host
 * network), chooses the nodes, then creates the namespace and the first scenario's pods and waits
 * until they are Ready (so that an image or scheduling problem shows before anything is measured);
 * the other profiles' pods come when their scenarios do (`useProfile`). On any failure it cleans up
 * before rethrowing.
 */
async function prepareRun(run, scenarios) {
    if (run.nodes !== undefined)
        throw new Error('a Kubernetes target can be prepared once');
    if (run.closed)
        throw new errors/* InfraError */.iG('the Kubernetes target was cleaned up before it was prepared');
    run.profiles = planProfiles(scenarios);
    run.tolerations = parseTolerations(run.settings.tolerations);
    const selector = parseLabelSelector(run.settings.nodeSelector ?? '');
    const api = apiOf(run);
    run.serverVersion = await (0,connection.step)(api, 'asking for its version', () => api.serverVersion());
    await checkGivenNamespace(run); // before the CPU check: a reference that is off needs no CPU
    const choice = await pickNodes(run, run.tolerations, selector);
    run.nodes = { client: choice.client, server: choice.server };
    run.pinned = { client: pinned(choice.client), server: pinned(choice.server) };
    run.log(`kubernetes: ${choice.why}`);
    try {
        await createNamespace(run);
        const [first] = run.profiles;
        if (first !== undefined)
            await switchProfile(run, first);
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
        const deleted = await (0,cleanup.deleteCreatedResources)(run.api, created, run.log, run.cleanupWaitMs);
        if (!deleted)
            return; // kept, so that a later cleanup (or the post step) tries again
        created.namespaceCreated = false;
        created.pods = [];
    });
    return run.cleaning;
}

// EXTERNAL MODULE: ./src/netperf/fan-out.ts
var fan_out = __webpack_require__(29284);
// EXTERNAL MODULE: ./src/targets/local/fingerprint.ts
var fingerprint = __webpack_require__(18362);
// EXTERNAL MODULE: ./src/targets/same-command.ts
var same_command = __webpack_require__(87554);
;// CONCATENATED MODULE: ./src/targets/kubernetes/netperf-run.ts
/** netperf in the client pods: where its server is, starting N instances together, `netperf -V`. */









/** Time a netperf exec may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
/** Bound for `netperf -V`. */
const NETPERF_VERSION_TIMEOUT_MS = 15_000;
/** The scenario's profile, which must be the one whose pods exist now. */
function activeProfileFor(run, scenario) {
    const profile = profileFor(run.profiles, scenario);
    if (run.active?.key !== profile.key) {
        throw new Error(`the pods of ${describeProfile(profile)} do not exist now: call useProfile(${scenario.name}) first`);
    }
    return profile;
}
/** Where the netserver of the scenario's profile listens, on the pod network or the host's. */
function endpointOf(run, scenario, network) {
    const profile = activeProfileFor(run, scenario);
    const name = (0,names.podName)(run.runId, 'server', profile.key, network);
    const host = run.podIps.get(name);
    if (host === undefined)
        throw new Error(`pod ${name} has no IP: the target was not prepared`);
    return { host, port: netserverPort(profile, network) };
}
/**
 * Runs the netperf processes in the client pod of the scenario's profile, each bounded. Identical
 * instances start from ONE exec of the fan-out script, which forks them within milliseconds: one
 * exec each spread 32 starts over about 0.3 s (a WebSocket upgrade and a process start per exec),
 * so the first ones ran alone while the last ones set up. Other argument lists get one exec each,
 * all started before any is awaited.
 */
async function runNetperf(run, scenario, argvs, network) {
    const client = (0,names.podName)(run.runId, 'client', activeProfileFor(run, scenario).key, network);
    const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
    const api = apiOf(run);
    const { namespace } = run.created;
    const shared = (0,same_command/* sharedArgv */.q)(argvs);
    if (shared !== undefined) {
        const fanOut = (0,fan_out/* buildFanOutArgv */.I8)(argvs.length, ['netperf', ...shared]);
        const output = await api.exec(namespace, client, CLIENT_CONTAINER, fanOut, timeoutMs);
        return (0,fan_out/* splitFanOutOutput */.v7)(output, argvs.length);
    }
    return allOrFirstFailure(argvs.map((argv) => api.exec(namespace, client, CLIENT_CONTAINER, ['netperf', ...argv], timeoutMs)));
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
    const client = (0,names.podName)(run.runId, 'client', profile.key, 'pod');
    const command = ['netperf', '-V'];
    try {
        const output = await apiOf(run).exec(run.created.namespace, client, CLIENT_CONTAINER, command, NETPERF_VERSION_TIMEOUT_MS);
        run.netperfVersion = (0,fingerprint/* parseNetperfVersion */.s7)(output.stdout);
        return run.netperfVersion;
    }
    catch (error) {
        run.log(`kubernetes: netperf -V in pod ${client} failed (${(0,errors/* formatError */.Wk)(error)}); version recorded as unknown`);
        return 'unknown';
    }
}

// EXTERNAL MODULE: ./src/targets/kubernetes/settings.ts
var kubernetes_settings = __webpack_require__(98626);
;// CONCATENATED MODULE: ./src/targets/kubernetes/kubernetes-target.ts
/**
 * The `kubernetes` target: a netserver pod on one node and a client pod on another, sized for the CPU
 * profile in use (one profile's pods at a time, switched per scenario), netperf exec'd in the client
 * pod; beside it, unless turned off or forbidden by Pod Security, a small host-network pair (Cilium's
 * node-to-node reference), measured while the pod pair is idle. create.ts
 * imports this module lazily, so client-node loads only here.
 */

















/** A random run id: a letter, then 7 base-36 characters (lowercase: it ends up in DNS names). */
function newRunId() {
    const digits = [...(0,external_node_crypto_.randomBytes)(7)].map((byte) => (byte % 36).toString(36)).join('');
    return `r${digits}`;
}
/** Creates the Kubernetes target; nothing is sent to the cluster until `prepare`. */
function createKubernetesTarget(given, deps) {
    const settings = (0,kubernetes_settings/* normaliseSettings */.O)(given);
    const runId = (0,names.checkRunId)(deps.runId ?? newRunId());
    const run = newKubeRun({
        settings,
        runId,
        log: deps.log,
        bounds: deps.bounds ?? { readyMs: POD_READY_TIMEOUT_MS, unschedulableMs: POD_UNSCHEDULABLE_TIMEOUT_MS },
        cleanupWaitMs: deps.cleanupWaitMs ?? cleanup.CLEANUP_WAIT_TIMEOUT_MS,
        connect: () => deps.api ?? (0,client.createKubeApi)((0,connection.loadKubeConfig)(settings)),
    }, settings.namespace ?? (0,names.namespaceFor)(runId));
    const referenceEndpoint = (scenario) => endpointOf(requireReference(run), scenario, 'host');
    const runReferenceNetperf = (scenario, argvs) => runNetperf(requireReference(run), scenario, argvs, 'host');
    const referencePair = { endpoint: referenceEndpoint, runNetperf: runReferenceNetperf };
    return {
        kind: 'kubernetes',
        runId,
        prepare: (scenarios) => prepareRun(run, scenarios),
        useProfile: (scenario) => switchProfile(run, profileFor(run.profiles, scenario)),
        endpoint: (scenario) => endpointOf(run, scenario, 'pod'),
        runNetperf: (scenario, argvs) => runNetperf(run, scenario, argvs, 'pod'),
        // A getter: prepare may turn the reference off (Pod Security), and the runner reads it after.
        get reference() {
            return run.reference.on ? referencePair : undefined;
        },
        referenceEndpoint,
        runReferenceNetperf,
        fingerprint: () => kubernetes_target_fingerprint(run),
        cleanup: () => cleanupRun(run),
        createdResources: () => ({ ...run.created, pods: [...run.created.pods] }),
    };
}
function requireReference(run) {
    if (!run.reference.on) {
        throw new Error(`the host-network reference was not prepared: it is ${describeReference(run.reference)}`);
    }
    return run;
}
/** The CNI from agent pods in the usual namespaces; a namespace we may not list (403) or that is absent is skipped. */
async function findCni(api) {
    for (const namespace of CNI_NAMESPACES) {
        const pods = await api.listPods(namespace).then((list) => list.pods, () => []);
        const cni = detectCni(pods);
        if (cni !== undefined)
            return cni;
    }
    return undefined;
}
async function kubernetes_target_fingerprint(run) {
    if (run.nodes === undefined)
        throw new Error('fingerprint needs a prepared target');
    const api = apiOf(run);
    return buildKubernetesFingerprint({
        ...run.nodes,
        serverVersion: run.serverVersion ?? 'unknown',
        cni: await findCni(api),
        image: run.settings.image,
        netperfVersion: await netperfVersion(run),
        reference: describeReference(run.reference),
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

/***/ 7747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APP_NAME: () => (/* binding */ APP_NAME),
/* harmony export */   MAX_RUN_ID_LENGTH: () => (/* binding */ MAX_RUN_ID_LENGTH),
/* harmony export */   NETWORK_LABEL: () => (/* binding */ NETWORK_LABEL),
/* harmony export */   PROFILE_LABEL: () => (/* binding */ PROFILE_LABEL),
/* harmony export */   ROLE_LABEL: () => (/* binding */ ROLE_LABEL),
/* harmony export */   RUN_ID_LABEL: () => (/* binding */ RUN_ID_LABEL),
/* harmony export */   checkRunId: () => (/* binding */ checkRunId),
/* harmony export */   namespaceFor: () => (/* binding */ namespaceFor),
/* harmony export */   podName: () => (/* binding */ podName),
/* harmony export */   runLabels: () => (/* binding */ runLabels),
/* harmony export */   runSelector: () => (/* binding */ runSelector)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/** Names and labels of one Kubernetes run: pure, no I/O. */

/** `app.kubernetes.io/name` and `managed-by` of everything we create. */
const APP_NAME = 'netperf-gate';
/** Label carrying the run id: cleanup and the action's post step find a run's pods by it. */
const RUN_ID_LABEL = 'netperf-gate/run-id';
/** Label saying what a pod does: `server` (netserver) or `client` (netperf runs in it via exec). */
const ROLE_LABEL = 'netperf-gate/role';
/** Label with the pod's CPU profile (`c32`, `c1`, `any`). */
const PROFILE_LABEL = 'netperf-gate/cpus';
/** Label saying whether the pod uses the pod network or the node's (`pod` | `host`). */
const NETWORK_LABEL = 'netperf-gate/network';
/** Run ids are short lowercase DNS labels: they end up in namespace and pod names (≤ 63 characters). */
const MAX_RUN_ID_LENGTH = 16;
/** Checks a run id: lowercase letters and digits, starting with a letter, at most 16 characters. */
function checkRunId(runId) {
    if (!/^[a-z][a-z0-9]*$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid Kubernetes run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} lowercase letters or digits, starting with a letter.`);
    }
    return runId;
}
/** The namespace a run creates for itself. */
function namespaceFor(runId) {
    return `netperf-gate-${runId}`;
}
/** Labels every object of the run carries. */
function runLabels(runId) {
    return {
        'app.kubernetes.io/name': APP_NAME,
        'app.kubernetes.io/managed-by': APP_NAME,
        [RUN_ID_LABEL]: runId,
    };
}
/** Label selector matching every pod of a run. */
function runSelector(runId) {
    return `${RUN_ID_LABEL}=${runId}`;
}
/**
 * Pod name for a role, CPU profile and network, e.g. `npg-ab12cd-srv-c32` or `npg-ab12cd-hcli-any`.
 * The run id is in every name so that pods of two runs can share an existing namespace.
 */
function podName(runId, role, profileKey, network) {
    const side = role === 'server' ? 'srv' : 'cli';
    return `npg-${runId}-${network === 'host' ? 'h' : ''}${side}-${profileKey}`;
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
/* harmony export */   s7: () => (/* binding */ parseNetperfVersion)
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
/** A namespace a killed run may have left: its run id is the pid of the process that made it. */
const LEFTOVER_NAMESPACE = /^npg-(\d+)-(cli|srv)$/;
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
/** Names for a run id; the id must fit an interface name and be safe in paths. */
function namesFor(runId) {
    if (!/^[A-Za-z0-9]+$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid local run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} letters or digits (it becomes part of interface names).`);
    }
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
 * Namespaces left by runs that were killed: named `npg-<pid>-cli|srv` while that pid no longer runs.
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
/* harmony export */   q: () => (/* binding */ sharedArgv)
/* harmony export */ });
/**
 * When the netperf instances of a sample can start from one fan-out shell (src/netperf/fan-out.ts):
 * pure, shared by the targets.
 */
/**
 * The argument list every instance runs, when there are several and all are the same (what the runner
 * asks for): one fan-out process can then start them together. Undefined otherwise: a single instance
 * needs no fan-out, and different instances cannot share one.
 */
function sharedArgv(argvs) {
    const [first] = argvs;
    if (argvs.length < 2 || first === undefined)
        return undefined;
    const text = JSON.stringify(first);
    return argvs.every((argv) => JSON.stringify(argv) === text) ? first : undefined;
}


/***/ })

};
