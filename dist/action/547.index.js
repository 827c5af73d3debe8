export const id = 547;
export const ids = [547,747];
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
/** Messages on one line: webhooks (Kyverno) answer with several, each worth keeping. */
function oneLine(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' ');
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
            message: oneLine(typeof body?.message === 'string' ? body.message : (execUpgradeRefusal(record, status) ?? ownMessage)),
            ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
        };
    }
    const networkCode = networkCodeOf(record);
    const causeMessage = asRecord(record.cause)?.message;
    const message = typeof causeMessage === 'string' ? `${ownMessage}: ${causeMessage}` : ownMessage;
    return { message: oneLine(message), ...(networkCode !== undefined ? { networkCode } : {}) };
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
// EXTERNAL MODULE: ./node_modules/isomorphic-ws/node.js
var node = __webpack_require__(9192);
var node_default = /*#__PURE__*/__webpack_require__.n(node);
// EXTERNAL MODULE: ./src/netperf/fan-out.ts
var fan_out = __webpack_require__(29284);
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

// The WebSocket client-node itself uses (its dependency): made here so that a hung upgrade can be ended.




/**
 * Bound for the API server to answer the exec's WebSocket upgrade: a proxy or load balancer that does
 * not pass upgrades on may hold the request open for ever, and the exec's own timeout only starts once
 * the socket is open.
 */
const EXEC_UPGRADE_TIMEOUT_MS = 30_000;
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
/** The handler, with frames only our streams understand passed on; the socket it makes goes into `holder`. */
function guardedHandler(config, holder) {
    const idle = { stdin: external_node_stream_.Readable.from([]), stdout: new external_node_stream_.PassThrough(), stderr: new external_node_stream_.PassThrough() };
    const factory = (uri, protocols, options) => {
        holder.socket = new (node_default())(uri, protocols, options);
        return holder.socket;
    };
    const handler = new web_socket_handler/* WebSocketHandler */.w(config, factory, idle);
    return {
        connect: (path, textHandler, binaryHandler) => handler.connect(path, textHandler, (channel, data) => channel >= 1 && channel <= 3 && binaryHandler !== null ? binaryHandler(channel, data) : true),
    };
}
/**
 * `opening`, or a one-line InfraError when the upgrade is not answered within `timeoutMs` (the
 * half-open socket is ended, so nothing keeps the process alive).
 */
function boundUpgrade(opening, holder, where, timeoutMs) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(new errors/* InfraError */.iG(`the exec WebSocket upgrade to pod ${where.namespace}/${where.pod} got no answer within ${timeoutMs / 1000} s: check the API server and any proxy or load balancer in front of it (it must pass WebSocket upgrades), then run again`));
            holder.socket?.terminate();
        }, timeoutMs);
        opening.then((value) => {
            clearTimeout(timer);
            resolve(value);
        }, (error) => {
            clearTimeout(timer);
            reject(error);
        });
    });
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
/**
 * A command for messages: the program, and what it was asked to do. The fan-out script (`sh -c
 * SCRIPT netperf-gate-fan-out N netperf …`) is named by what it runs, "32 × netperf …", not by its script.
 */
function describeCommand(command) {
    if (command[0] === 'sh' && command[3] === fan_out/* FAN_OUT_NAME */.DD) {
        const [count = '?', program = '?', ...args] = command.slice(4);
        return { program, text: `${count} × ${[program, ...args].join(' ')}` };
    }
    if (command[0] === 'sh' && command[3] === fan_out/* FAN_OUT_EACH_NAME */.r8) {
        // N, the varying argument's position, N values, then the command: shown with the first…last value.
        const count = Number(command[4]);
        const at = Number(command[5]);
        const values = command.slice(6, 6 + count);
        const [program = '?', ...args] = command.slice(6 + count);
        const shown = [program, ...args].map((arg, k) => k + 1 === at ? `${values[0]}…${values[values.length - 1]}` : arg);
        return { program, text: `${count} × ${shown.join(' ')}` };
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
 * not run, after `timeoutMs`, or when the WebSocket upgrade is not answered within `upgradeTimeoutMs`.
 */
async function execInPod(config, where, command, timeoutMs, upgradeTimeoutMs = EXEC_UPGRADE_TIMEOUT_MS) {
    const stdout = collector();
    const stderr = collector();
    let status;
    const holder = {};
    const exec = new dist/* Exec */.WoD(config, guardedHandler(config, holder));
    const opening = exec
        .exec(where.namespace, where.pod, where.container, [...command], stdout.stream, stderr.stream, null, false, (received) => {
        status = received;
    })
        .catch((error) => {
        throw connectError(error);
    });
    const socket = await boundUpgrade(opening, holder, where, upgradeTimeoutMs);
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
// EXTERNAL MODULE: ./src/targets/kubernetes/refusals.ts
var refusals = __webpack_require__(77058);
;// CONCATENATED MODULE: ./src/targets/kubernetes/retry.ts
/**
 * Retries of Kubernetes API calls: pure policy plus a small loop with an injected clock.
 * Only calls that are safe to repeat are retried: GET/LIST/DELETE, and creates of objects with fixed
 * names (a repeated create answers 409, which the caller checks against its own run id).
 */


/**
 * Four attempts within about 4 s (more for a Retry-After): transient errors pass, a dead server fails
 * fast. The service-account race gets eight: about 13 to 26 s of waiting in all.
 */
const API_RETRY_POLICY = {
    maxAttempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 10_000,
    serviceAccountAttempts: 8,
};
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
/**
 * Whether a failure may pass by itself: 429, 5xx (501 Not Implemented never does), network trouble,
 * and the 403 of a namespace whose `default` ServiceAccount is not there yet.
 */
function isRetryable(failure) {
    if ((0,refusals/* isServiceAccountRace */.Yi)(failure))
        return true;
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
    const attempts = (0,refusals/* isServiceAccountRace */.Yi)(failure)
        ? (policy.serviceAccountAttempts ?? policy.maxAttempts)
        : policy.maxAttempts;
    if (attempt >= attempts || !isRetryable(failure))
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
/** Objects per page of a list that may be long (kubectl asks for 500). */
const LIST_PAGE_SIZE = 500;
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
        listAllPods: async (fieldSelector) => {
            // In pages: a large cluster's pods of every namespace are too much for one answer.
            const pods = [];
            let next;
            do {
                const page = await retried(() => core.listPodForAllNamespaces({ fieldSelector, limit: LIST_PAGE_SIZE, ...(next ? { _continue: next } : {}) }, options()));
                pods.push(...page.items);
                next = page.metadata?._continue || undefined;
            } while (next !== undefined);
            return pods;
        },
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

/***/ 77058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yi: () => (/* binding */ isServiceAccountRace),
/* harmony export */   a2: () => (/* binding */ describeRefusal),
/* harmony export */   ni: () => (/* binding */ readRefusal)
/* harmony export */ });
/** `User "u" cannot create resource "pods" in API group "" in the namespace "x"` (authorizer's wording). */
const RBAC = /User "([^"]*)" cannot (\S+) resource "([^"]+)"(?: in API group "[^"]*")?(?: in the namespace "([^"]+)")?/;
/** `pods "p" is forbidden: violates PodSecurity "restricted:latest": a, b` (the PodSecurity plugin). */
const POD_SECURITY = /violates PodSecurity "([^"]+)": (.*)$/;
/** `admission webhook "x.y" denied the request: why` or `… denied the request without explanation`. */
const WEBHOOK = /admission webhook "([^"]+)" denied the request(?:: (.*)| without explanation)?/;
/** `ValidatingAdmissionPolicy 'p' with binding 'b' denied request: why`. */
const POLICY = /ValidatingAdmissionPolicy '([^']+)'(?: with binding '[^']*')? denied request: (.*)$/;
/** `pods "p" is forbidden: exceeded quota: compute, requested: cpu=32, used: …, limited: cpu=16` (ResourceQuota). */
const QUOTA = /exceeded quota: ([^,]+)(.*)$/;
/** `pods "p" is forbidden: error looking up service account ns/default: serviceaccount "default" not found`. */
const SERVICE_ACCOUNT = /error looking up service account ([^/\s]+)\/([^:\s]+): serviceaccount "[^"]+" not found/;
/**
 * What refused the request, or undefined when it was not refused (any status but 403; a webhook or an
 * admission policy is named whatever status it chose, as the API server passes theirs on).
 */
function readRefusal(failure) {
    const { message } = failure;
    const webhook = WEBHOOK.exec(message);
    if (webhook !== null && failure.status !== undefined)
        return { kind: 'webhook', webhook: webhook[1] ?? '?', message: webhook[2] ?? 'without explanation' };
    const policy = POLICY.exec(message);
    if (policy !== null && failure.status !== undefined)
        return { kind: 'policy', policy: policy[1] ?? '?', message: policy[2] ?? '' };
    if (failure.status !== 403)
        return undefined;
    const account = SERVICE_ACCOUNT.exec(message);
    if (account !== null)
        return { kind: 'service-account', namespace: account[1] ?? '?', account: account[2] ?? 'default' };
    const quota = QUOTA.exec(message);
    if (quota !== null)
        return { kind: 'quota', quota: quota[1] ?? '?', message: `exceeded quota: ${quota[1]}${quota[2]}` };
    const podSecurity = POD_SECURITY.exec(message);
    if (podSecurity !== null)
        return { kind: 'pod-security', level: podSecurity[1] ?? '?', violations: podSecurity[2] ?? '' };
    const rbac = RBAC.exec(message);
    if (rbac !== null) {
        const [, user = '?', verb = '?', resource = '?', namespace] = rbac;
        return { kind: 'rbac', user, verb, resource, ...(namespace !== undefined ? { namespace } : {}) };
    }
    return { kind: 'forbidden', message };
}
/** Whether the failure is the ServiceAccount admission race of a namespace created a moment ago. */
function isServiceAccountRace(failure) {
    return readRefusal(failure)?.kind === 'service-account';
}
const RBAC_FIX = 'grant it with deploy/rbac/namespace-per-run.yaml, or run with --namespace and deploy/rbac/existing-namespace.yaml';
/** The one line for a refused request: who refused it, what it said, what to do. */
function describeRefusal(refusal, doing, server) {
    switch (refusal.kind) {
        case 'rbac': {
            const where = refusal.namespace === undefined ? 'cluster-wide' : `in namespace ${refusal.namespace}`;
            return `RBAC at ${server} refused ${doing}: user ${refusal.user} may not ${refusal.verb} ${refusal.resource} ${where}; ${RBAC_FIX}`;
        }
        case 'pod-security':
            return `Pod Security admission at ${server} refused ${doing}: the namespace enforces "${refusal.level}", violated by: ${refusal.violations}; use a namespace whose pod-security.kubernetes.io/enforce level allows it (omit --namespace to get one per run)`;
        case 'webhook':
            return `admission webhook "${refusal.webhook}" at ${server} refused ${doing}: ${refusal.message}; ask its owners to exempt the namespace or pods labelled app.kubernetes.io/managed-by=netperf-gate (kubectl get validatingwebhookconfigurations,mutatingwebhookconfigurations)`;
        case 'policy':
            return `ValidatingAdmissionPolicy '${refusal.policy}' at ${server} refused ${doing}: ${refusal.message}; ask its owners to exempt the namespace or pods labelled app.kubernetes.io/managed-by=netperf-gate`;
        case 'service-account':
            return `the ServiceAccount admission at ${server} refused ${doing}: service account ${refusal.namespace}/${refusal.account} still did not exist after retrying (the ServiceAccount controller creates "default" in each new namespace); check kube-controller-manager, then run again`;
        case 'quota':
            return `ResourceQuota "${refusal.quota}" at ${server} refused ${doing} (${refusal.message}): raise the quota for the pods' CPU and memory, or use a namespace without it (omit --namespace to get one per run)`;
        case 'forbidden':
            return `The Kubernetes API at ${server} refused ${doing} (403 Forbidden: ${refusal.message}); if a permission is missing, ${RBAC_FIX}`;
    }
}


/***/ })

};
