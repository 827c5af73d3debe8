/** A small fetch-based client for the simulator's tests: JSON in, `{ status, body, text }` out. */

// biome-ignore lint/suspicious/noExplicitAny: the tests read loose JSON
export type Json = Record<string, any>;

/** A client for the simulator at `url()`, with a bearer token when `token` is given. */
export function client(url: () => string, token?: () => string) {
  return async (
    path: string,
    init: { method?: string; json?: unknown; contentType?: string } = {},
  ): Promise<{ status: number; body: Json; text: string }> => {
    const headers: Record<string, string> = {};
    if (init.json !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
    if (token) headers.Authorization = `Bearer ${token()}`;
    const response = await fetch(`${url()}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
    const text = await response.text();
    let body: Json = {};
    try {
      body = JSON.parse(text);
    } catch {
      // watch streams are lines
    }
    return { status: response.status, body, text };
  };
}
