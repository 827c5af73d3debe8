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
