/**
 * The simulator's own endpoints (not Kubernetes API):
 * - `GET /sim/faults` → `{ faults: [{ id, fault, remaining }] }`
 * - `POST /sim/faults` with a fault as JSON (`{"kind":"api-error","verb":"create","resource":"pods","code":500,"times":1}`)
 *   or a spec string as text/plain (`api-error:verb=create,resource=pods,code=500,times=1`) → 201 `{ id }`
 * - `DELETE /sim/faults` (all) or `DELETE /sim/faults/{id}` (one)
 * - `GET /sim/audit` → `{ entries: AuditEntry[] }`
 */
import type { AuditLog } from './audit.js';
import { checkFault, type FaultBook, parseFaultSpec } from './faults.js';
import type { ApiCall } from './http.js';
import { sendJson } from './http.js';
import { badRequest, pathNotFound } from './status.js';

async function readText(call: ApiCall): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of call.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function addFault(call: ApiCall, faults: FaultBook): Promise<void> {
  const text = await readText(call);
  try {
    const fault = text.startsWith('{') ? checkFault(JSON.parse(text)) : parseFaultSpec(text);
    sendJson(call, 201, { id: faults.add(fault) });
  } catch (error) {
    throw badRequest((error as Error).message);
  }
}

/** Serves `/sim/*`. */
export async function handleAdmin(call: ApiCall, faults: FaultBook, audit: AuditLog): Promise<void> {
  const path = call.url.pathname;
  const method = call.req.method ?? 'GET';
  if (path === '/sim/audit' && method === 'GET') return sendJson(call, 200, { entries: audit.entries });
  if (path === '/sim/faults') {
    if (method === 'GET') return sendJson(call, 200, { faults: faults.list() });
    if (method === 'POST') return addFault(call, faults);
    if (method === 'DELETE') {
      faults.clear();
      return sendJson(call, 200, { faults: [] });
    }
  }
  const one = /^\/sim\/faults\/([^/]+)$/.exec(path);
  if (one && method === 'DELETE') {
    if (!faults.remove(one[1] ?? '')) throw pathNotFound();
    return sendJson(call, 200, { faults: faults.list() });
  }
  throw pathNotFound();
}
