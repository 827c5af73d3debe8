export const id = 587;
export const ids = [587];
export const modules = {

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


/***/ })

};
