export const id = 747;
export const ids = [747];
export const modules = {

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


/***/ })

};
