export const id = 59;
export const ids = [59];
export const modules = {

/***/ 3059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweepCluster: () => (/* binding */ sweepCluster)
/* harmony export */ });
/* unused harmony exports MANAGED_NAMESPACE_SELECTOR, MANAGED_POD_SELECTOR, sweepLeftoverRuns */
/* harmony import */ var _age_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2456);
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4111);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6087);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9547);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5587);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7747);






/** Selects namespaces our runs created. */
const MANAGED_NAMESPACE_SELECTOR = `app.kubernetes.io/managed-by=${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .APP_NAME */ .C3}`;
/** Selects our pods (in a namespace given with --namespace): managed by us and carrying a run id. */
const MANAGED_POD_SELECTOR = `${MANAGED_NAMESPACE_SELECTOR},${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .RUN_ID_LABEL */ .pv}`;
function ageMs(meta, nowMs) {
    const created = meta?.creationTimestamp;
    return created === undefined ? 0 : nowMs - new Date(created).getTime();
}
/**
 * Our namespaces. With --namespace (least-privilege mode, whose Role may not list namespaces) a 403
 * is not fatal: the sweep says so and goes on with the pods in the given namespace.
 */
async function listOurNamespaces(api, request) {
    try {
        return await api.listNamespaces(MANAGED_NAMESPACE_SELECTOR);
    }
    catch (error) {
        if (request.namespace === undefined || (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .readApiFailure */ .HQ)(error).status !== 403)
            throw (0,_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)('listing namespaces', error, api.server);
        request.log(`cleanup: not allowed to list namespaces at ${api.server}; only pods in ${request.namespace} are swept`);
        return [];
    }
}
/** Leftovers of killed runs: our namespaces (not already terminating), and our pods grouped by run. */
async function findLeftovers(api, request, nowMs) {
    const found = [];
    for (const namespace of await listOurNamespaces(api, request)) {
        const age = ageMs(namespace.metadata, nowMs);
        if (age < request.olderThanMs || namespace.metadata?.deletionTimestamp !== undefined)
            continue;
        const name = namespace.metadata?.name ?? '';
        const runId = namespace.metadata?.labels?.[_names_js__WEBPACK_IMPORTED_MODULE_3__/* .RUN_ID_LABEL */ .pv] ?? '?';
        found.push({ resources: { runId, namespace: name, namespaceCreated: true, pods: [] }, ageMs: age });
    }
    if (request.namespace === undefined)
        return found;
    const { namespace } = request;
    const list = await (0,_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .step */ .PM)(api, `listing pods in ${namespace}`, () => api.listPods(namespace, MANAGED_POD_SELECTOR));
    const runs = new Map();
    for (const pod of list.pods) {
        const age = ageMs(pod.metadata, nowMs);
        if (age < request.olderThanMs || pod.metadata?.deletionTimestamp !== undefined)
            continue;
        const runId = pod.metadata?.labels?.[_names_js__WEBPACK_IMPORTED_MODULE_3__/* .RUN_ID_LABEL */ .pv] ?? '?';
        const run = runs.get(runId) ?? {
            resources: { runId, namespace, namespaceCreated: false, pods: [] },
            ageMs: age,
        };
        run.resources.pods.push(pod.metadata?.name ?? '');
        run.ageMs = Math.max(run.ageMs, age);
        runs.set(runId, run);
    }
    return [...found, ...runs.values()];
}
/**
 * Deletes every leftover at least `olderThanMs` old, all at once, and logs one line each (in name
 * order). Listing failures are one-line errors; a deletion that fails is logged and counted.
 */
async function sweepLeftoverRuns(api, request) {
    const nowMs = (request.now ?? Date.now)();
    const leftovers = await findLeftovers(api, request, nowMs);
    leftovers.sort((a, b) => `${a.resources.namespace}/${a.resources.runId}`.localeCompare(`${b.resources.namespace}/${b.resources.runId}`));
    const waitMs = request.waitMs ?? _cleanup_js__WEBPACK_IMPORTED_MODULE_5__/* .CLEANUP_WAIT_TIMEOUT_MS */ .yb;
    const results = await Promise.all(leftovers.map(({ resources }) => (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_5__/* .deleteCreatedResources */ .hr)(api, resources, request.log, waitMs)));
    const outcome = { deleted: [], failed: 0 };
    for (const [index, { resources, ageMs: age }] of leftovers.entries()) {
        if (!results[index]) {
            outcome.failed += 1;
            continue;
        }
        outcome.deleted.push(resources);
        const what = resources.namespaceCreated
            ? `namespace ${resources.namespace}`
            : `pods ${resources.pods.join(', ')} in namespace ${resources.namespace}`;
        request.log(`cleanup: deleted ${what} (run ${resources.runId}, ${(0,_age_js__WEBPACK_IMPORTED_MODULE_0__/* .formatAge */ .nV)(age)} old)`);
    }
    if (leftovers.length === 0)
        request.log('cleanup: no netperf-gate leftovers in the cluster');
    return outcome;
}
/** Connects with the kubeconfig (and context) given, or the defaults, and sweeps (see {@link sweepLeftoverRuns}). */
function sweepCluster(settings, request) {
    return sweepLeftoverRuns((0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createKubeApi */ .Q)((0,_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .loadKubeConfig */ .u3)(settings)), request);
}


/***/ })

};
