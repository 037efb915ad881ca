/**
 * One HTTP exchange with the API over undici: a keep-alive pool for the endpoint's origin, timeouts,
 * the abort signal, and the translation of transport failures into NetworkError / TimeoutError / AbortError.
 * Statuses are not interpreted here.
 * @module
 */
import { Agent, type Dispatcher, EnvHttpProxyAgent, interceptors, Pool, request } from 'undici';
import packageJson from '../package.json' with { type: 'json' };
import { AbortError, type DefenderApiError, NetworkError, TimeoutError } from './errors.ts';
import { isNotSentErrorCode, isTlsVerificationErrorCode } from './retry-policy.ts';
import type { ClientProxy } from './types.ts';

/** Default User-Agent: `mde-sim-client/<version> (+node <version>)`. */
export const defaultUserAgent = `mde-sim-client/${packageJson.version} (+node ${process.version})`;

/** Resolved transport settings (defaults applied by the client). */
export interface HttpTransportOptions {
  baseUrl: URL;
  dispatcher: Dispatcher | undefined;
  caPem: string | undefined;
  proxy: ClientProxy | undefined;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  keepAliveTimeoutMs: number;
  userAgent: string;
}

/** One request as the pipeline hands it over. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path below `/api`, with its query string, e.g. `/machineactions?$top=1`. */
  path: string;
  token: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** For error messages: "get machine action 7e3b…". */
  operation: string;
}

/** The raw answer: status, lower-cased headers and the body text (decoded when it came compressed). */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | undefined>;
  bodyText: string;
}

/** The answer to a download: status, lower-cased headers and the body bytes. */
export interface DownloadResponse {
  status: number;
  headers: Record<string, string | undefined>;
  bytes: Uint8Array;
}

/**
 * The service compresses every answer when asked (deflate, payloads 11-17): the client asks for gzip or
 * deflate, and undici's decompress interceptor decodes the body (removing `content-encoding`), whatever the
 * dispatcher (the client's pool, a proxy agent, or an injected one such as MSW's).
 */
export const ACCEPT_ENCODING = 'gzip, deflate';

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Translates an undici / socket failure into the client's error classes. */
export function transportError(
  error: unknown,
  operation: string,
  signal: AbortSignal | undefined,
): DefenderApiError {
  if (signal?.aborted) {
    return new AbortError({ operation, reason: 'the operation was aborted', cause: signal.reason ?? error });
  }
  const code = (error as { code?: string } | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new TimeoutError({
      operation,
      reason: `connecting timed out (${detail})`,
      hint: 'Check the endpoint and network connectivity, or raise connectTimeoutMs',
      phase: 'connect',
      cause: error,
    });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    const phase = code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers' : 'body';
    return new TimeoutError({
      operation,
      reason: `the service did not answer in time (${phase} timeout)`,
      hint: `Retry later, or raise ${phase}TimeoutMs`,
      phase,
      cause: error,
    });
  }
  if (isTlsVerificationErrorCode(code)) {
    return new NetworkError({
      operation,
      reason: `the TLS certificate of the endpoint is not trusted (${code})`,
      hint: 'Pass the CA that signed it (caPem / --ca-file / MDE_CA_FILE)',
      requestNotSent: true,
      cause: error,
    });
  }
  return new NetworkError({
    operation,
    reason: `the connection failed (${code ?? 'unknown'}: ${detail})`,
    hint: 'Check the endpoint URL and network connectivity',
    requestNotSent: isNotSentErrorCode(code),
    cause: error,
  });
}

/** Sends requests to one origin. Owns its pool unless a dispatcher was injected. */
export class HttpTransport {
  readonly #options: HttpTransportOptions;
  readonly #dispatcher: Dispatcher;
  /** The dispatcher with decompression in front of it (what requests go through). */
  readonly #decoding: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #apiBase: string;

  constructor(options: HttpTransportOptions) {
    this.#options = options;
    this.#apiBase = `${options.baseUrl.origin}${options.baseUrl.pathname.replace(/\/+$/, '')}/api`;
    if (options.dispatcher !== undefined) {
      this.#dispatcher = options.dispatcher;
      this.#ownsDispatcher = false;
    } else if (options.proxy !== undefined) {
      const tls = {
        timeout: options.connectTimeoutMs,
        ...(options.caPem === undefined ? {} : { ca: options.caPem }),
      };
      // EnvHttpProxyAgent with explicit settings: CONNECT through the proxy, NO_PROXY hosts directly.
      this.#dispatcher = new EnvHttpProxyAgent({
        httpProxy: options.proxy.url,
        httpsProxy: options.proxy.url,
        ...(options.proxy.noProxy === undefined ? {} : { noProxy: options.proxy.noProxy }),
        connect: tls,
        requestTls: tls,
        keepAliveTimeout: options.keepAliveTimeoutMs,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
      });
      this.#ownsDispatcher = true;
    } else {
      this.#dispatcher = new Pool(options.baseUrl.origin, {
        connect: {
          timeout: options.connectTimeoutMs,
          ...(options.caPem === undefined ? {} : { ca: options.caPem }),
        },
        keepAliveTimeout: options.keepAliveTimeoutMs,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
      });
      this.#ownsDispatcher = true;
    }
    // Error answers too: the service compresses its 4xx (payloads 11, 12), and their envelope carries the code.
    this.#decoding = this.#dispatcher.compose(interceptors.decompress({ skipErrorResponses: false }));
  }

  /** The absolute URL of an API path. */
  url(path: string): string {
    return `${this.#apiBase}${path}`;
  }

  /** Sends one request; throws NetworkError, TimeoutError or AbortError when no complete answer arrives. */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${req.token}`,
      accept: 'application/json',
      'accept-encoding': ACCEPT_ENCODING,
      'user-agent': this.#options.userAgent,
    };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await request(this.url(req.path), {
        method: req.method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(req.signal === undefined ? {} : { signal: req.signal }),
        dispatcher: this.#decoding,
        headersTimeout: this.#options.headersTimeoutMs,
        bodyTimeout: this.#options.bodyTimeoutMs,
      });
      const bodyText = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), bodyText };
    } catch (error) {
      throw transportError(error, req.operation, req.signal);
    }
  }

  /**
   * GETs an absolute URL without the bearer token (a package link carries its own signature and may point at
   * another host), and returns the status, headers and body bytes.
   */
  async download(url: string, operation: string, signal: AbortSignal | undefined): Promise<DownloadResponse> {
    const sameOrigin = new URL(url).origin === this.#options.baseUrl.origin;
    const dispatcher =
      sameOrigin || this.#options.proxy !== undefined || this.#options.dispatcher !== undefined
        ? this.#decoding
        : this.#otherOrigins();
    try {
      const response = await request(url, {
        method: 'GET',
        headers: { 'user-agent': this.#options.userAgent },
        ...(signal === undefined ? {} : { signal }),
        dispatcher,
        headersTimeout: this.#options.headersTimeoutMs,
        bodyTimeout: this.#options.bodyTimeoutMs,
      });
      const bytes = new Uint8Array(await response.body.arrayBuffer());
      return { status: response.statusCode, headers: flattenHeaders(response.headers), bytes };
    } catch (error) {
      throw transportError(error, operation, signal);
    }
  }

  #others: Agent | undefined;

  /** An agent for hosts other than the API's (the client's pool is bound to one origin). */
  #otherOrigins(): Agent {
    this.#others ??= new Agent({
      connect: {
        timeout: this.#options.connectTimeoutMs,
        ...(this.#options.caPem === undefined ? {} : { ca: this.#options.caPem }),
      },
      keepAliveTimeout: this.#options.keepAliveTimeoutMs,
    });
    return this.#others;
  }

  /** Closes the pool the transport created (an injected dispatcher is left to its owner). */
  async close(): Promise<void> {
    await this.#others?.close();
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }
}
