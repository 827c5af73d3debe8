/**
 * Just enough of the Kubernetes protobuf encoding to read what kubectl sends as protobuf: the `k8s\0`
 * envelope (runtime.Unknown) and an object's `metadata` (name, generateName, namespace, labels,
 * annotations). `kubectl create namespace` posts a Namespace this way; everything else kubectl and
 * client-node send us is JSON.
 */
import { ApiError } from './status.js';

/** Content type of protobuf bodies. */
export const PROTOBUF_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

interface Field {
  number: number;
  bytes?: Buffer;
  varint?: number;
}

function readVarint(buf: Buffer, start: number): [number, number] {
  let value = 0;
  let shift = 0;
  let offset = start;
  for (;;) {
    const byte = buf[offset++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, offset];
    shift += 7;
  }
}

/** The fields of one message; length-delimited ones carry their bytes. */
export function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const [key, afterKey] = readVarint(buf, offset);
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const [varint, next] = readVarint(buf, afterKey);
      fields.push({ number, varint });
      offset = next;
      continue;
    }
    if (wire === 1) offset = afterKey + 8;
    else if (wire === 5) offset = afterKey + 4;
    else if (wire === 2) {
      const [length, afterLength] = readVarint(buf, afterKey);
      fields.push({ number, bytes: buf.subarray(afterLength, afterLength + length) });
      offset = afterLength + length;
      continue;
    } else throw new Error(`unsupported wire type ${wire}`);
    fields.push({ number });
  }
  return fields;
}

function text(field: Field): string {
  return field.bytes?.toString('utf8') ?? '';
}

function readMap(entries: Field[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const parts = readFields(entry.bytes ?? Buffer.alloc(0));
    const key = parts.find((p) => p.number === 1);
    const value = parts.find((p) => p.number === 2);
    if (key) map[text(key)] = value ? text(value) : '';
  }
  return map;
}

/** ObjectMeta fields 1 name, 2 generateName, 3 namespace, 11 labels, 12 annotations. */
function readObjectMeta(buf: Buffer): Record<string, unknown> {
  const fields = readFields(buf);
  const meta: Record<string, unknown> = {};
  const names: Record<number, string> = { 1: 'name', 2: 'generateName', 3: 'namespace' };
  for (const field of fields) {
    const name = names[field.number];
    if (name && text(field) !== '') meta[name] = text(field);
  }
  const labels = fields.filter((f) => f.number === 11);
  const annotations = fields.filter((f) => f.number === 12);
  if (labels.length > 0) meta.labels = readMap(labels);
  if (annotations.length > 0) meta.annotations = readMap(annotations);
  return meta;
}

/**
 * Decodes a protobuf body into `{apiVersion, kind, metadata}` (spec and status are not read), or a
 * DeleteOptions into `{gracePeriodSeconds}`.
 */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('missing the k8s protobuf prefix');
  const envelope = readFields(body.subarray(4));
  const typeMeta = readFields(envelope.find((f) => f.number === 1)?.bytes ?? Buffer.alloc(0));
  const raw = readFields(envelope.find((f) => f.number === 2)?.bytes ?? Buffer.alloc(0));
  const metadata = raw.find((f) => f.number === 1);
  const apiVersion = typeMeta.find((f) => f.number === 1);
  const kind = typeMeta.find((f) => f.number === 2);
  if (kind && text(kind) === 'DeleteOptions') {
    const grace = raw.find((f) => f.number === 1)?.varint;
    return { kind: 'DeleteOptions', ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) };
  }
  return {
    apiVersion: apiVersion ? text(apiVersion) : 'v1',
    kind: kind ? text(kind) : undefined,
    metadata: metadata?.bytes ? readObjectMeta(metadata.bytes) : {},
  };
}

/** 415 for protobuf bodies of kinds whose spec the simulator cannot read. */
export function unsupportedMediaType(kind: string): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (kube-sim reads protobuf only for Namespace, not ${kind})`,
    reason: 'UnsupportedMediaType',
    code: 415,
  });
}
