/**
 * @module
 * Who may use the control API (`/_sim`). It lists demo secrets, mints tokens and rewrites the simulator's
 * state, so it answers only:
 * - requests addressed to a name the server answers to (loopback names, plus the names a server adds:
 *   its bound address, `--public-host`): a DNS-rebinding page reaches the port under a foreign `Host`;
 * - requests without a foreign `Origin` or a cross-site `Sec-Fetch-Site`: a page on another origin can
 *   POST "simple" requests without a CORS preflight (CSRF);
 * - bodies typed `application/json`: the types a form or a simple fetch may send (`text/plain`,
 *   `application/x-www-form-urlencoded`, `multipart/form-data`) are refused, so `curl -X POST .../_sim/reset`
 *   (no body, no type) works and a cross-site form never does;
 * - with a control token configured (required on a non-loopback bind), the token in
 *   `Authorization: Bearer …` or `X-MDE-Sim-Control-Token`.
 * The MDE API and the Entra ID endpoints are the real service's surfaces and are not subject to these rules.
 */
import { ControlError } from './control-api.ts';
import type { SimRequest } from './types.ts';

/** Options of the control API's protection. */
export interface ControlAccessOptions {
  /** Host names (without port) the control API answers to, besides 127.0.0.1, localhost and ::1. */
  hosts?: readonly string[];
  /** When set, every control request must present it (required by `serve` on a non-loopback bind). */
  token?: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** The control API's door: which hosts it answers to, and the token it asks for. */
export class ControlAccess {
  readonly #hosts = new Set(LOOPBACK_NAMES);
  #token: string | undefined;

  constructor(options: ControlAccessOptions = {}) {
    this.allowHosts(...(options.hosts ?? []));
    if (options.token !== undefined) this.requireToken(options.token);
  }

  /** Names (without port; IPv6 with or without brackets) the control API also answers to. */
  allowHosts(...names: string[]): void {
    for (const name of names) this.#hosts.add(normalizeHost(name));
  }

  /** Requires a token on every control request from now on. */
  requireToken(token: string): void {
    if (typeof token !== 'string' || token.length < 16)
      throw new TypeError('control token must be a string of at least 16 characters');
    this.#token = token;
  }

  /** Host names the control API answers to. */
  get hosts(): readonly string[] {
    return [...this.#hosts];
  }

  /** Whether a token is required. */
  get tokenRequired(): boolean {
    return this.#token !== undefined;
  }

  /**
   * Whether the request is addressed to a name the server answers to. The live page is served only there,
   * so a client reaching the simulator as api.securitycenter.microsoft.com (proxy mode, MSW) sees the
   * service's 404 at `/`, not the page.
   */
  allowsHost(request: SimRequest): boolean {
    const host = hostOf(request.headers.host) ?? hostOf(safeUrl(request.origin)?.host);
    return host !== undefined && this.#hosts.has(host);
  }

  /** Why a control request is refused, or undefined when it may go on. */
  check(request: SimRequest): ControlError | undefined {
    const host = hostOf(request.headers.host) ?? hostOf(safeUrl(request.origin)?.host);
    if (host === undefined || !this.#hosts.has(host)) {
      return new ControlError(
        403,
        'HostNotAllowed',
        `The control API answers only to ${[...this.#hosts].join(', ')}, not to host '${host ?? ''}' ` +
          '(DNS-rebinding protection). Start the server with --public-host <name> to add a name.',
      );
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request)) {
      return new ControlError(
        403,
        'CrossOriginRefused',
        `The control API refuses requests from another origin ('${origin}'); call it from the same origin, or without a browser.`,
      );
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return new ControlError(403, 'CrossOriginRefused', `The control API refuses ${site} browser requests.`);
    }
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const hasBody = request.body !== undefined && request.body !== '';
    if (type !== undefined && type !== '' && !isJson(type) && (hasBody || FORM_TYPES.has(type))) {
      return new ControlError(
        415,
        'UnsupportedMediaType',
        `The control API takes JSON bodies (Content-Type: application/json), not '${type}'.`,
      );
    }
    if (this.#token !== undefined && !this.#presentsToken(request)) {
      return new ControlError(
        401,
        'ControlTokenRequired',
        'The control API needs the control token (printed at start): send Authorization: Bearer <token> or X-MDE-Sim-Control-Token: <token>.',
      );
    }
    return undefined;
  }

  #presentsToken(request: SimRequest): boolean {
    const token = this.#token!;
    const header = request.headers['x-mde-sim-control-token'];
    if (header !== undefined && constantTimeEqual(header, token)) return true;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    return bearer !== undefined && constantTimeEqual(bearer, token);
  }
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** `Host` header → lower-case name without port or IPv6 brackets. */
function hostOf(hostHeader: string | undefined): string | undefined {
  if (hostHeader === undefined || hostHeader === '') return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

function normalizeHost(name: string): string {
  return name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Same scheme, host and port as the URL the request was sent to. */
function sameOrigin(origin: string, request: SimRequest): boolean {
  const from = safeUrl(origin);
  const to = safeUrl(request.origin);
  if (!from || !to) return false;
  const host = request.headers.host?.toLowerCase() ?? to.host;
  return from.protocol === to.protocol && from.host === host;
}

/** Compares without returning early on the first difference (the token is a secret). */
function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}
