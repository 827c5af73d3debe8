/** Small HTTP helpers for the GitHub stand-in's handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the stand-in accepts (an artifact block is at most 8 MiB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Reads the whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Sends a JSON answer. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Sends an empty answer with headers. */
export function sendEmpty(
  response: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-length': '0', ...headers });
  response.end();
}

/** The bearer (or `token`) credential of a request, if any. */
export function credentialOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
  return match?.[1];
}
