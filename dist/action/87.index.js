export const id = 87;
export const ids = [87];
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


/***/ })

};
