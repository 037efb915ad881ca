/**
 * @module
 * The node:http(s) adapter: turns an incoming message into the core's SimRequest and writes the
 * SimResponse back. Nothing else: no behaviour lives here.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { Simulator } from '../core/simulator.ts';
import type { SimRequest } from '../core/types.ts';

/** Largest request body accepted (bytes); the real API's bodies are a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body with stream events (cheaper than an async iterator on the hot path); null when too large. */
function readBody(req: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Reads a node request into a SimRequest (null when the body is too large). */
export async function toSimRequest(req: IncomingMessage): Promise<SimRequest | null> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const body = await readBody(req);
  if (body === null) return null;
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const headers = req.headers as Record<string, string | undefined>;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    origin: `${encrypted ? 'https' : 'http'}://${headers.host ?? 'localhost'}`,
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? '' : url.slice(q + 1),
    headers,
    body,
    remote: `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? ''}`,
  };
}

/** A node request listener serving a simulator. */
export function createRequestListener(
  simulator: Simulator,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const simRequest = await toSimRequest(req);
      if (simRequest === null) {
        res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(
          JSON.stringify({ error: { code: 'BadRequest', message: 'Request body too large.', target: '' } }),
        );
        return;
      }
      const response = await simulator.handle(simRequest);
      if (response.dropConnection) {
        req.socket.destroy();
        return;
      }
      res.writeHead(response.status, response.headers);
      res.end(response.bytes ?? response.body);
    })().catch((error: unknown) => {
      // Only transport failures land here (the core never rejects): the client went away mid-request.
      if (!res.headersSent) res.writeHead(400);
      res.end();
      void error;
    });
  };
}

/** Status line node's parser errors are answered with (as node itself maps them). */
function clientErrorStatus(code: string | undefined): string {
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return '413 Payload Too Large';
  return '400 Bad Request';
}

/**
 * Answers a malformed request only after the requests pipelined before it on the same connection have
 * been answered. Node's default drops the socket at once, losing those answers (the simulator answers
 * asynchronously, so they are usually still in flight).
 */
export function answerMalformedRequestsInOrder(server: Server): void {
  const inFlight = new WeakMap<Duplex, number>();
  const waiting = new WeakMap<Duplex, () => void>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (left === 0) waiting.get(socket)?.();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = () => {
      waiting.delete(socket);
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${clientErrorStatus(error.code)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
      } else {
        socket.destroy();
      }
    };
    if ((inFlight.get(socket) ?? 0) === 0) answer();
    else waiting.set(socket, answer);
  });
}
