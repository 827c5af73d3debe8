/**
 * The spec of SelfSubjectAccessReview and SelfSubjectRulesReview in protobuf, as `kubectl auth can-i`
 * posts them (k8s.io/api/authorization/v1 generated.proto field numbers). Pure.
 */
import { readFields } from './protobuf.js';

type Fields = ReturnType<typeof readFields>;

function strings(fields: Fields, names: Record<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const name = names[field.number];
    const value = field.bytes?.toString('utf8') ?? '';
    if (name && value !== '') out[name] = value;
  }
  return out;
}

function message(fields: Fields, number: number): Fields | undefined {
  const bytes = fields.find((f) => f.number === number)?.bytes;
  return bytes ? readFields(bytes) : undefined;
}

const RESOURCE_ATTRIBUTES = {
  1: 'namespace',
  2: 'verb',
  3: 'group',
  4: 'version',
  5: 'resource',
  6: 'subresource',
  7: 'name',
};

/** The review kinds read here. */
export const REVIEW_KINDS = ['SelfSubjectAccessReview', 'SelfSubjectRulesReview'];

/** `spec` of a review from the object's raw bytes (the envelope's field 2): access attributes or the rules' namespace. */
export function decodeReviewSpec(kind: string, raw: Buffer): Record<string, unknown> {
  const spec = message(readFields(raw), 2) ?? [];
  if (kind === 'SelfSubjectRulesReview') return strings(spec, { 1: 'namespace' });
  const resource = message(spec, 1);
  const nonResource = message(spec, 2);
  return {
    ...(resource ? { resourceAttributes: strings(resource, RESOURCE_ATTRIBUTES) } : {}),
    ...(nonResource ? { nonResourceAttributes: strings(nonResource, { 1: 'path', 2: 'verb' }) } : {}),
  };
}

/** The raw object bytes inside the `k8s\0` envelope (runtime.Unknown field 2). */
export function envelopeRaw(body: Buffer): Buffer {
  return readFields(body.subarray(4)).find((f) => f.number === 2)?.bytes ?? Buffer.alloc(0);
}
