/**
 * An HTTP proxy stand-in on 127.0.0.1 that counts what goes through it: CONNECT tunnels (how
 * @actions/http-client reaches any host through HTTP_PROXY / HTTPS_PROXY) and absolute-form requests
 * (how the Azure blob client sends plain http through a proxy) to hosts under `.test`,
 * which only it can resolve (to 127.0.0.1): a request that reaches such a host went through the proxy.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';

/** A running proxy. */
export interface ProxySim {
  /** `http://127.0.0.1:<port>`: the HTTP_PROXY / HTTPS_PROXY value. */
  url: string;
  /** `host:port` of every tunnel or forwarded request asked for, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/** Starts the proxy on a free port. */
export async function startProxySim(): Promise<ProxySim> {
  const tunnels: string[] = [];
  /** Tunnelled sockets leave the server's own bookkeeping: closed by hand on close(). */
  const open = new Set<{ destroy(): void }>();
  const server: Server = createServer((request, response) => {
    // Absolute-form requests (`GET http://host:port/path`), as http-proxy-agent sends for http URLs.
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400, { 'content-length': '0' }).end();
      return;
    }
    tunnels.push(target.host);
    if (!target.hostname.endsWith('.test')) {
      response.writeHead(403, { 'content-length': '0' }).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: request.method,
        path: `${target.pathname}${target.search}`,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request, client, head) => {
    const target = request.url ?? '';
    tunnels.push(target);
    const [host = '', port = ''] = target.split(':');
    if (!host.endsWith('.test')) {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      open.add(upstream);
      open.add(client);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of open) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
