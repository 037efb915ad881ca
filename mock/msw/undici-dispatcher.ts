/**
 * @module
 * MSW handlers as an undici `Dispatcher`: requests made through it (undici's `request`, a `Pool`-less
 * client given `dispatcher`, or global `fetch` after `setGlobalDispatcher`) are answered by the handlers
 * in-process, with no socket, no TLS and no HTTP parsing.
 *
 * Why beside the socket-level server: @mswjs/interceptors answers at the socket, where each mocked answer
 * ends its connection, so a client opens a new TLS socket (a new SecureContext) per call and parses HTTP
 * twice; measured here (bench/run.ts) that made the in-process path several times slower than a real
 * server on loopback. A dispatcher is the interception point undici itself offers.
 */
import { Readable } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';
import { Dispatcher } from 'undici';

/** Options of {@link createMswDispatcher}. */
export interface MswDispatcherOptions {
  /**
   * What to do with a request no handler answers: `error` fails it (nothing leaves the process), or a
   * dispatcher to send it to (e.g. undici's `Agent` for the real network).
   * @default 'error'
   */
  onUnhandledRequest?: 'error' | Dispatcher;
}

/** The controller a dispatch handler is given: abort, pause and resume for one in-process request. */
class InProcessController implements Dispatcher.DispatchController {
  /**
   * The answer's headers as name/value buffers. undici's fetch reads its response headers (Content-Encoding
   * included, to decode a compressed body) from here, not from the object passed to onResponseStart.
   */
  rawHeaders: Buffer[] = [];
  #aborted = false;
  #paused = false;
  #reason: Error | null = null;
  #resumed: (() => void) | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.#reason;
  }
  abort(reason: Error): void {
    this.#aborted = true;
    this.#reason = reason;
    this.#resumed?.();
  }
  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    this.#paused = false;
    this.#resumed?.();
  }
  /** Resolves once the consumer is not paused (or aborted). */
  whenResumed(): Promise<void> {
    if (!this.#paused || this.#aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#resumed = () => {
        this.#resumed = undefined;
        resolve();
      };
    });
  }
}

function requestHeaders(headers: Dispatcher.DispatchOptions['headers']): Headers {
  const out = new Headers();
  if (!headers) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out.append(String(headers[i]), String(headers[i + 1]));
    return out;
  }
  const entries =
    Symbol.iterator in (headers as object)
      ? [...(headers as Iterable<[string, string | string[] | undefined]>)]
      : Object.entries(headers as Record<string, string | string[] | undefined>);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) out.append(name, String(one));
  }
  return out;
}

async function requestBody(body: Dispatcher.DispatchOptions['body']): Promise<Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof Readable || Symbol.asyncIterator in (body as object)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    return Buffer.concat(chunks);
  }
  throw new TypeError('createMswDispatcher: this request body type is not supported (FormData)');
}

function responseHeaders(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    out[name] = name === 'set-cookie' ? headers.getSetCookie() : value;
  });
  return out;
}

/** MSW handlers as an undici dispatcher (see the module comment). */
export function createMswDispatcher(
  handlers: readonly RequestHandler[],
  options: MswDispatcherOptions = {},
): Dispatcher {
  const unhandled = options.onUnhandledRequest ?? 'error';

  async function answer(
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): Promise<void> {
    const controller = new InProcessController();
    try {
      handler.onRequestStart?.(controller, {});
      if (controller.aborted) throw controller.reason;
      const url = new URL(opts.path, opts.origin);
      const body = await requestBody(opts.body);
      const request = new Request(url, {
        method: opts.method,
        headers: requestHeaders(opts.headers),
        ...(body === undefined ? {} : { body: body as Uint8Array<ArrayBuffer> }),
      });
      const response = await getResponse([...handlers], request);
      if (!response) {
        if (unhandled === 'error') {
          throw new Error(
            `createMswDispatcher: no handler answers ${opts.method} ${url.href} (onUnhandledRequest: 'error')`,
          );
        }
        unhandled.dispatch(opts, handler);
        return;
      }
      if (response.type === 'error')
        throw new TypeError('Failed to fetch: the handler answered a network error');
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') controller.rawHeaders.push(Buffer.from(name), Buffer.from(value));
      });
      for (const cookie of response.headers.getSetCookie())
        controller.rawHeaders.push(Buffer.from('set-cookie'), Buffer.from(cookie));
      handler.onResponseStart?.(
        controller,
        response.status,
        responseHeaders(response.headers),
        response.statusText,
      );
      if (response.body && opts.method !== 'HEAD') {
        const reader = response.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          if (controller.aborted) throw controller.reason;
          handler.onResponseData?.(controller, Buffer.from(read.value));
          await controller.whenResumed();
        }
      }
      if (controller.aborted) throw controller.reason;
      handler.onResponseEnd?.(controller, {});
    } catch (error) {
      handler.onResponseError?.(controller, error instanceof Error ? error : new Error(String(error)));
    }
  }

  class MswDispatcher extends Dispatcher {
    override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      void answer(opts, handler);
      return true;
    }
    override close(): Promise<void>;
    override close(callback: () => void): void;
    override close(callback?: () => void): Promise<void> | void {
      if (callback) return void queueMicrotask(callback);
      return Promise.resolve();
    }
    override destroy(): Promise<void>;
    override destroy(err: Error | null): Promise<void>;
    override destroy(callback: () => void): void;
    override destroy(err: Error | null, callback: () => void): void;
    override destroy(
      errOrCallback?: Error | null | (() => void),
      callback?: () => void,
    ): Promise<void> | void {
      const done = typeof errOrCallback === 'function' ? errOrCallback : callback;
      if (done) return void queueMicrotask(done);
      return Promise.resolve();
    }
  }
  return new MswDispatcher();
}
