/**
 * RBAC manifests as `kubectl apply -f` would take them: Role, ClusterRole, RoleBinding,
 * ClusterRoleBinding, ServiceAccount and Namespace documents (rbac.authorization.k8s.io/v1 and v1).
 * Pure: YAML text in, a policy out; a document the simulator cannot honour is an error, not ignored.
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

const name = z.string().min(1);
const names = z.array(z.string());

/** One rule of a Role or ClusterRole (`rbacv1.PolicyRule`). */
const ruleSchema = z.object({
  apiGroups: names.default([]),
  resources: names.default([]),
  verbs: names.min(1),
  resourceNames: names.default([]),
  nonResourceURLs: names.default([]),
});

const metadataSchema = z.looseObject({ name, namespace: name.optional() });

const roleSchema = z.object({
  kind: z.enum(['Role', 'ClusterRole']),
  metadata: metadataSchema,
  rules: z.array(ruleSchema).nullish(),
});

const subjectSchema = z.object({
  kind: z.enum(['User', 'Group', 'ServiceAccount']),
  name,
  namespace: z.string().optional(),
});

const bindingSchema = z.object({
  kind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
  metadata: metadataSchema,
  roleRef: z.object({ kind: z.enum(['Role', 'ClusterRole']), name }),
  subjects: z.array(subjectSchema).nullish(),
});

const plainSchema = z.object({
  kind: z.enum(['ServiceAccount', 'Namespace']),
  metadata: metadataSchema.extend({ labels: z.record(z.string(), z.string()).optional() }),
});

/** A rule with its lists filled in. */
export type PolicyRule = z.output<typeof ruleSchema>;
/** Who a binding grants to. */
export type Subject = z.output<typeof subjectSchema>;

/** A Role (namespace set) or ClusterRole. */
export interface RoleDoc {
  namespace?: string;
  name: string;
  rules: PolicyRule[];
}

/** A RoleBinding (namespace set) or ClusterRoleBinding. */
export interface BindingDoc {
  namespace?: string;
  name: string;
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string };
  subjects: Subject[];
}

/** Everything the manifests declare, by kind. */
export interface RbacPolicy {
  roles: RoleDoc[];
  clusterRoles: RoleDoc[];
  roleBindings: BindingDoc[];
  clusterRoleBindings: BindingDoc[];
  /** `namespace/name` of each ServiceAccount, in document order. */
  serviceAccounts: { namespace: string; name: string }[];
  /** Namespaces to create, with their labels. */
  namespaces: { name: string; labels: Record<string, string> }[];
}

/** The namespace `kubectl apply` puts a namespaced document without one in. */
const DEFAULT_NAMESPACE = 'default';

/** An empty policy: nothing granted to anyone (but system:masters). */
export function emptyPolicy(): RbacPolicy {
  return {
    roles: [],
    clusterRoles: [],
    roleBindings: [],
    clusterRoleBindings: [],
    serviceAccounts: [],
    namespaces: [],
  };
}

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${where}: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`);
}

function addRole(policy: RbacPolicy, doc: Record<string, unknown>, where: string): void {
  if (doc.aggregationRule !== undefined)
    throw new Error(`${where}: aggregationRule is not supported by kube-sim`);
  const role = parseOrThrow(roleSchema, doc, where);
  const entry = { name: role.metadata.name, rules: role.rules ?? [] };
  if (role.kind === 'ClusterRole') policy.clusterRoles.push(entry);
  else policy.roles.push({ ...entry, namespace: role.metadata.namespace ?? DEFAULT_NAMESPACE });
}

function addBinding(policy: RbacPolicy, doc: Record<string, unknown>, where: string): void {
  const binding = parseOrThrow(bindingSchema, doc, where);
  const entry = { name: binding.metadata.name, roleRef: binding.roleRef, subjects: binding.subjects ?? [] };
  if (binding.kind === 'RoleBinding') {
    policy.roleBindings.push({ ...entry, namespace: binding.metadata.namespace ?? DEFAULT_NAMESPACE });
    return;
  }
  if (binding.roleRef.kind !== 'ClusterRole')
    throw new Error(`${where}: roleRef.kind: a ClusterRoleBinding can only refer to a ClusterRole`);
  policy.clusterRoleBindings.push(entry);
}

function addDocument(policy: RbacPolicy, doc: Record<string, unknown>, where: string): void {
  switch (doc.kind) {
    case 'Role':
    case 'ClusterRole':
      addRole(policy, doc, where);
      return;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      addBinding(policy, doc, where);
      return;
    case 'ServiceAccount':
    case 'Namespace': {
      const plain = parseOrThrow(plainSchema, doc, where);
      const { name: objectName, namespace = DEFAULT_NAMESPACE, labels = {} } = plain.metadata;
      if (plain.kind === 'Namespace') policy.namespaces.push({ name: objectName, labels });
      else policy.serviceAccounts.push({ namespace, name: objectName });
      return;
    }
    default:
      throw new Error(
        `${where} is a ${String(doc.kind)}: kube-sim reads Role, ClusterRole, RoleBinding, ClusterRoleBinding, ServiceAccount and Namespace`,
      );
  }
}

/** The documents of YAML manifests (separated by `---`; empty ones skipped); throws one line naming a bad one. */
export function manifestDocuments(text: string): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    const where = `RBAC manifest document ${index + 1}`;
    if (document.errors.length > 0) throw new Error(`${where}: ${document.errors[0]?.message}`);
    const doc = document.toJSON() as unknown;
    if (doc === null || doc === undefined) return;
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${where} is not an object`);
    documents.push(doc as Record<string, unknown>);
  });
  return documents;
}

/** The policy of these objects (manifest documents or stored objects); throws one line naming a bad one. */
export function policyFromDocuments(
  documents: Record<string, unknown>[],
  where = (index: number) => `RBAC manifest document ${index + 1}`,
): RbacPolicy {
  const policy = emptyPolicy();
  for (const [index, doc] of documents.entries()) addDocument(policy, doc, where(index));
  return policy;
}

/** Reads manifests (documents separated by `---`; empty ones skipped); throws one line naming the bad document. */
export function parseRbacManifests(text: string): RbacPolicy {
  return policyFromDocuments(manifestDocuments(text));
}
