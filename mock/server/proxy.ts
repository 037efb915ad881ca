/**
 * @module
 * Proxy mode (`serve --proxy-port`): an HTTP proxy that lets unmodified clients keep Microsoft's host names.
 * It accepts `CONNECT` only for the names of the server certificate (the MDE API hosts, the Entra hosts,
 * loopback, `--public-host`), terminates TLS itself with that certificate, and hands each request to the same
 * simulator through the node adapter; absolute-form plain-HTTP requests (`GET http://host/path`) work too.
 * Any other host gets a 403 and a log line naming it: the proxy never opens a connection anywhere, so
 * nothing leaves the machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { SimulatorLogger } from '../core/simulator.ts';
import { hostName } from '../identity/clouds.ts';

/** Options of {@link startProxy}. */
export interface ProxyOptions {
  /** Interface to listen on (the server's). */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Host names (lower case; IPv6 without brackets) the proxy answers for; every other one is refused. */
  hosts: readonly string[];
  /** The server certificate (naming every host of `hosts`) and its key. */
  tls: { certPem: string; keyPem: string };
  /** The simulator's node request listener. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  logger?: SimulatorLogger;
}

/** A listening proxy. */
export interface RunningProxy {
  /** `http://<host>:<port>`: what clients put in `HTTPS_PROXY`. */
  url: string;
  port: number;
  /** Stops listening and closes every tunnel. */
  close(): Promise<void>;
}

/** Starts the proxy. */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const allowed = new Set(options.hosts.map((h) => h.toLowerCase()));
  const isAllowed = (host: string) => allowed.has(host.replace(/^\[(.*)\]$/, '$1'));
  const secureContext = createSecureContext({ cert: options.tls.certPem, key: options.tls.keyPem });
  const tunnels = new Set<Socket>();
  // The host each decrypted socket's tunnel was opened for.
  const tunnelHosts = new WeakMap<Socket, string>();

  // Requests that arrive inside a tunnel: an HTTP server that never listens, fed decrypted sockets.
  const inner = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const tunnelHost = tunnelHosts.get(req.socket) ?? '';
    // The Host header must name the host the tunnel was opened for (no smuggling a loopback Host in).
    if (hostName(req.headers.host ?? '') !== tunnelHost) {
      refuse(
        res,
        421,
        `This tunnel was opened for ${tunnelHost}; the request names ${req.headers.host ?? 'no host'}.`,
      );
      return;
    }
    serve(req, res);
  });

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (/^\/_sim(\/|$|\?)/.test(req.url ?? '')) {
      refuse(res, 403, 'The control API (/_sim) is not served through the proxy; call the server directly.');
      return;
    }
    options.listener(req, res);
  };

  const proxy: Server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    // Absolute-form plain HTTP: `GET http://api.securitycenter.microsoft.com/api/machines HTTP/1.1`.
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      refuse(res, 400, 'This is the mde-sim proxy: send absolute-form requests or CONNECT.');
      return;
    }
    const host = hostName(target.host);
    if (target.protocol !== 'http:' || !isAllowed(host)) {
      options.logger?.warn({ host, method: req.method }, 'proxy refused a host it does not simulate');
      refuse(res, 403, `mde-sim proxy: ${host} is not a host the simulator answers for; nothing was sent.`);
      return;
    }
    req.url = `${target.pathname}${target.search}`;
    req.headers.host = target.host;
    serve(req, res);
  });

  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    const host = hostName(authority);
    socket.on('error', () => socket.destroy());
    if (!isAllowed(host)) {
      options.logger?.warn({ host, method: 'CONNECT' }, 'proxy refused a host it does not simulate');
      const body = `mde-sim proxy: ${host} is not a host the simulator answers for; nothing was sent.\n`;
      socket.end(
        `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const tlsSocket = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tunnelHosts.set(tlsSocket, host);
    tlsSocket.on('error', () => socket.destroy());
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    inner.emit('connection', tlsSocket);
  });

  const port = await new Promise<number>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(options.port, options.host, () => {
      proxy.off('error', reject);
      resolve((proxy.address() as AddressInfo).port);
    });
  });
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const bound = wildcard ? '127.0.0.1' : options.host;
  const shownHost = bound.includes(':') ? `[${bound}]` : bound;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      for (const socket of tunnels) socket.destroy();
      inner.closeAllConnections();
      await new Promise<void>((done) => {
        proxy.close(() => done());
        proxy.closeAllConnections();
      });
    },
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const body = `${message}\n`;
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}
