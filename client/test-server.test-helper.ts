/**
 * A tiny real HTTP server on 127.0.0.1:0 that answers queued canned MDE responses (bodies are the spec's
 * examples, i.e. the recorded wire shapes) and records every request, for the client tests.
 * @module
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MachineAction } from '../openapi/index.ts';
import { spec } from '../openapi/spec.gen.ts';

/**
 * One canned answer. `drop` closes the socket after reading the request without answering; `hold` never
 * answers (timeouts, aborts).
 */
export interface CannedReply {
  status?: number;
  /** An object is sent as compact JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  drop?: boolean;
  hold?: boolean;
}

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  /** Queues answers, consumed in order by the next requests. */
  reply(...replies: CannedReply[]): void;
  /** Answers not consumed yet. */
  pendingReplies(): number;
  close(): Promise<void>;
}

const successHeaders = {
  'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
  'odata-version': '4.0',
};
const errorHeaders = { 'content-type': 'application/json; charset=utf-8' };

/** Starts the server on an ephemeral port. */
export async function startTestServer(): Promise<TestServer> {
  const queue: CannedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const reply = queue.shift();
    if (reply === undefined) {
      res.writeHead(418, errorHeaders).end(
        JSON.stringify({
          error: {
            code: 'NoCannedReply',
            message: `No canned reply for ${req.method} ${req.url}`,
            target: 't',
          },
        }),
      );
      return;
    }
    if (reply.hold === true) return;
    if (reply.drop === true) {
      req.socket.destroy();
      return;
    }
    const status = reply.status ?? 200;
    const body =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    res.writeHead(status, { ...(status < 400 ? successHeaders : errorHeaders), ...reply.headers }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    pendingReplies: () => queue.length,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

type ExampleName = keyof typeof spec.components.examples;

/** A deep copy of one of the spec's examples (`components.examples`), the recorded wire shapes. */
export function example<T = unknown>(name: ExampleName): T {
  return structuredClone(spec.components.examples[name].value) as T;
}

/** The recorded unrestrict 201 body (payload 01), with overrides. */
export function machineAction(overrides: Partial<MachineAction> = {}): MachineAction {
  return { ...example<MachineAction>('UnrestrictPending2026'), ...overrides };
}

/** 201 with a MachineAction, as the action POSTs answer. */
export function created(action: MachineAction = machineAction()): CannedReply {
  return {
    status: 201,
    body: action,
    headers: { 'mise-correlation-id': '8d39c870-35e0-4d26-aa40-b15aa1b5c79a' },
  };
}

/** 200 with a body. */
export function ok(body: unknown): CannedReply {
  return { status: 200, body };
}

/** An MDE error answer whose body is the named spec example. */
export function mdeError(
  status: number,
  name: ExampleName,
  headers: Record<string, string> = {},
): CannedReply {
  return { status, body: example(name), headers };
}

/** The id of the recorded unrestrict action and machine. */
export const recordedActionId = '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a';
export const recordedMachineId = '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9';
