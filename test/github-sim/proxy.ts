/**
 * An HTTP proxy stand-in on 127.0.0.1 that counts what goes through it: CONNECT tunnels (how
 * @actions/http-client reaches any host through HTTP_PROXY / HTTPS_PROXY) to hosts under `.test`,
 * which only it can resolve (to 127.0.0.1): a request that reaches such a host went through the proxy.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

/** A running proxy. */
export interface ProxySim {
  /** `http://127.0.0.1:<port>`: the HTTP_PROXY / HTTPS_PROXY value. */
  url: string;
  /** `host:port` of every tunnel asked for, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/** Starts the proxy on a free port. */
export async function startProxySim(): Promise<ProxySim> {
  const tunnels: string[] = [];
  /** Tunnelled sockets leave the server's own bookkeeping: closed by hand on close(). */
  const open = new Set<{ destroy(): void }>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405, { 'content-length': '0' }).end(); // only CONNECT is served
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
