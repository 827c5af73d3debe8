"""The official Kubernetes Python client against kube-sim, one step per call.

usage: client-steps.py KUBECONFIG STEP [ARG]; prints the step's result as one JSON line. The client
sends boolean query flags as `True` and speaks the v4.channel.k8s.io exec protocol: a second opinion
on the simulator from a client nobody here wrote.
"""
import json
import sys

from kubernetes import client, config, utils, watch
from kubernetes.stream import stream

NAMESPACE = "py"
POD = "py-pod"


def nodes(api_client):
    return [n.metadata.name for n in client.CoreV1Api(api_client).list_node().items]


def pod(api_client):
    core = client.CoreV1Api(api_client)
    core.create_namespace({"metadata": {"name": NAMESPACE}})
    body = {
        "metadata": {"name": POD},
        "spec": {
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": 1,
            "containers": [
                {"name": "main", "image": "x", "command": ["sh", "-c", "echo hello from py; sleep 300"]}
            ],
        },
    }
    core.create_namespaced_pod(NAMESPACE, body)
    # Watch sends watch=True: the simulator must read it as Go's ParseBool does.
    for event in watch.Watch().stream(core.list_namespaced_pod, NAMESPACE, timeout_seconds=20):
        if event["object"].metadata.name == POD and event["object"].status.phase == "Running":
            return {"phase": "Running", "type": event["type"]}
    return {"phase": "timed out"}


def logs(api_client):
    core = client.CoreV1Api(api_client)
    plain = core.read_namespaced_pod_log(POD, NAMESPACE, timestamps=False)
    followed = core.read_namespaced_pod_log(POD, NAMESPACE, follow=True, _preload_content=False)
    first = followed.readline().decode()
    followed.release_conn()
    return {"plain": plain, "followedFirstLine": first}


def exec_(api_client):
    core = client.CoreV1Api(api_client)
    out = stream(
        core.connect_get_namespaced_pod_exec, POD, NAMESPACE,
        command=["sh", "-c", "echo out; echo err >&2"], stderr=True, stdin=False, stdout=True, tty=False,
        _preload_content=False,
    )
    out.run_forever(timeout=20)
    return {"stdout": out.read_stdout(), "stderr": out.read_stderr(), "code": out.returncode}


def describe(api_client):
    core = client.CoreV1Api(api_client)
    found = core.read_namespaced_pod(POD, NAMESPACE)
    events = core.list_namespaced_event(
        NAMESPACE, field_selector=f"involvedObject.name={POD}"
    )
    return {"node": found.spec.node_name, "reasons": [e.reason for e in events.items]}


def review(api_client):
    body = client.V1SelfSubjectAccessReview(
        spec=client.V1SelfSubjectAccessReviewSpec(
            resource_attributes=client.V1ResourceAttributes(verb=sys.argv[3], resource=sys.argv[4], namespace=NAMESPACE)
        )
    )
    status = client.AuthorizationV1Api(api_client).create_self_subject_access_review(body).status
    return {"allowed": status.allowed, "reason": status.reason}


def apply(api_client):
    created = utils.create_from_yaml(api_client, sys.argv[3])
    rbac = client.RbacAuthorizationV1Api(api_client)
    role = rbac.read_cluster_role("netperf-gate")
    return {"created": len(created), "verbs": [r.verbs for r in role.rules]}


STEPS = {"nodes": nodes, "pod": pod, "logs": logs, "exec": exec_, "describe": describe,
         "review": review, "apply": apply}

if __name__ == "__main__":
    api = config.new_client_from_config(config_file=sys.argv[1])
    print(json.dumps(STEPS[sys.argv[2]](api)))
