/**
 * App-only (client-credentials) tokens from Microsoft Entra ID, or from the simulator's identity endpoint,
 * through msal-node's ConfidentialClientApplication, which caches and refreshes them.
 * @module
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { Agent, type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { AuthenticationError } from './errors.ts';
import type { AccessToken, ClientProxy, GetTokenOptions, TokenCredential } from './types.ts';

/** Secret-based app credentials. */
export interface MsalClientSecretOptions {
  /** Directory (tenant) id or domain. */
  tenantId: string;
  /** Application (client) id of the app registration. */
  clientId: string;
  clientSecret: string;
}

/** Certificate-based app credentials. */
export interface MsalClientCertificateOptions {
  tenantId: string;
  clientId: string;
  certificate: {
    /** The private key (PKCS#8 or PKCS#1 PEM; converted to PKCS#8 for msal). */
    privateKeyPem: string;
    /** The certificate PEM; its SHA-256 thumbprint is computed. Give it or `thumbprintSha256`. */
    certificatePem?: string | undefined;
    /** Hex SHA-256 thumbprint of the certificate registered on the app. */
    thumbprintSha256?: string | undefined;
  };
}

/** Where and how to ask for tokens. */
export interface MsalCredentialSettings {
  /**
   * Scheme and host of the authority; the tenant id is appended. Use the simulator's URL
   * (e.g. `https://127.0.0.1:8443`) to test offline.
   * @default 'https://login.microsoftonline.com'
   */
  authorityHost?: string | undefined;
  /** Extra CA certificates (PEM) trusted when talking to the authority, e.g. the simulator's CA. */
  caPem?: string | undefined;
  /** An HTTP proxy for the authority (see `DefenderClientOptions.proxy`). @default none */
  proxy?: ClientProxy | undefined;
  /**
   * Authorities msal may trust without instance discovery. Defaults to the authority host when it is not a
   * Microsoft cloud login host.
   */
  knownAuthorities?: string[] | undefined;
}

const microsoftLoginHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.microsoft.com',
  'login.windows.net',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** Extracts the private key and the certificate from one PEM file holding both (as the CLI accepts). */
export function parseCertificatePem(pem: string): { privateKeyPem: string; certificatePem: string } {
  const key =
    /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(
      pem,
    );
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  if (key === null || cert === null) {
    throw new TypeError(
      'Invalid certificate PEM: it must contain both a PRIVATE KEY block and a CERTIFICATE block.',
    );
  }
  return { privateKeyPem: key[0], certificatePem: cert[0] };
}

function lowerCaseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

/**
 * msal's network module over an undici Agent, so a custom CA (the simulator's) can be trusted for the
 * authority. msal-node 7 otherwise uses global fetch, which honours NODE_EXTRA_CA_CERTS only at start-up.
 * @example new ConfidentialClientApplication({ auth, system: { networkClient: new UndiciNetworkClient(caPem) } })
 */
export class UndiciNetworkClient implements INetworkModule {
  readonly #agent: Dispatcher;

  /** @param options.keepAliveTimeoutMs caps how long idle connections stay pooled (tests use a few ms). @default 4000 */
  constructor(
    caPem: string | undefined,
    options: { keepAliveTimeoutMs?: number; proxy?: ClientProxy | undefined } = {},
  ) {
    const cap = options.keepAliveTimeoutMs;
    const tls = caPem === undefined ? {} : { ca: caPem };
    const pooling = {
      keepAliveTimeout: cap ?? 4_000,
      ...(cap === undefined ? {} : { keepAliveMaxTimeout: cap }),
    };
    this.#agent =
      options.proxy === undefined
        ? new Agent({ connect: tls, ...pooling })
        : new EnvHttpProxyAgent({
            httpProxy: options.proxy.url,
            httpsProxy: options.proxy.url,
            ...(options.proxy.noProxy === undefined ? {} : { noProxy: options.proxy.noProxy }),
            connect: tls,
            requestTls: tls,
            ...pooling,
          });
  }

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.#send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.#send<T>('POST', url, options, undefined);
  }

  async #send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
    timeoutMs: number | undefined,
  ): Promise<NetworkResponse<T>> {
    const response = await request(url, {
      method,
      dispatcher: this.#agent,
      ...(options?.headers === undefined ? {} : { headers: options.headers }),
      ...(options?.body === undefined ? {} : { body: options.body }),
      ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
    });
    const text = await response.body.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: body as T };
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A {@link TokenCredential} for an app registration, by client secret or certificate, like @azure/identity's
 * `ClientSecretCredential` / `ClientCertificateCredential`. msal caches the token and renews it near expiry;
 * `forceRefresh` skips the cache.
 * @example
 * ```ts
 * // Against the simulator:
 * const credential = new MsalClientCredential(
 *   { tenantId, clientId, clientSecret },
 *   { authorityHost: 'https://127.0.0.1:8443', caPem: readFileSync('.mde-sim/ca.pem', 'utf8') },
 * );
 * ```
 */
export class MsalClientCredential implements TokenCredential {
  /** `<authorityHost>/<tenantId>`. */
  readonly authority: string;
  readonly #app: ConfidentialClientApplication;
  readonly #networkClient: UndiciNetworkClient | undefined;
  readonly #clientId: string;

  /** @throws TypeError naming the option when an option is invalid. */
  constructor(
    credentials: MsalClientSecretOptions | MsalClientCertificateOptions,
    settings: MsalCredentialSettings = {},
  ) {
    for (const name of ['tenantId', 'clientId'] as const) {
      if (typeof credentials?.[name] !== 'string' || credentials[name].trim() === '') {
        throw new TypeError(`Invalid option ${name}: a non-empty string is expected.`);
      }
    }
    let authorityHost: URL;
    try {
      authorityHost = new URL(settings.authorityHost ?? 'https://login.microsoftonline.com');
    } catch {
      throw new TypeError(
        `Invalid option authorityHost "${settings.authorityHost}": a https:// URL is expected.`,
      );
    }
    if (authorityHost.protocol !== 'https:') {
      throw new TypeError(`Invalid option authorityHost "${settings.authorityHost}": msal requires https.`);
    }
    this.#clientId = credentials.clientId;
    this.authority = `${authorityHost.origin}/${encodeURIComponent(credentials.tenantId)}`;
    const knownAuthorities =
      settings.knownAuthorities ??
      (microsoftLoginHosts.has(authorityHost.hostname) ? [] : [authorityHost.host]);
    this.#networkClient =
      settings.caPem === undefined && settings.proxy === undefined
        ? undefined
        : new UndiciNetworkClient(settings.caPem, { proxy: settings.proxy });

    const auth: Configuration['auth'] = {
      clientId: credentials.clientId,
      authority: this.authority,
      ...(knownAuthorities.length === 0 ? {} : { knownAuthorities }),
    };
    if ('clientSecret' in credentials) {
      if (typeof credentials.clientSecret !== 'string' || credentials.clientSecret === '') {
        throw new TypeError('Invalid option clientSecret: a non-empty string is expected.');
      }
      auth.clientSecret = credentials.clientSecret;
    } else if ('certificate' in credentials && typeof credentials.certificate === 'object') {
      auth.clientCertificate = certificateForMsal(credentials.certificate);
    } else {
      throw new TypeError('Invalid credentials: give clientSecret or certificate.');
    }
    this.#app = new ConfidentialClientApplication({
      auth,
      ...(this.#networkClient === undefined ? {} : { system: { networkClient: this.#networkClient } }),
    });
  }

  /** Gets an app-only token for `scopes` (e.g. `['https://api.securitycenter.microsoft.com/.default']`). */
  async getToken(scopes: string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
    try {
      const result = await abortable(
        this.#app.acquireTokenByClientCredential({ scopes, skipCache: options.forceRefresh === true }),
        options.signal,
      );
      if (result === null) return null;
      return {
        token: result.accessToken,
        expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60 * 1000,
      };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new AuthenticationError({
        operation: `get a token for client ${this.#clientId} from ${this.authority}`,
        reason: authErrorSummary(error),
        hint: 'Check the tenant id, client id, secret or certificate, the authority host and its CA',
        cause: error,
      });
    }
  }

  /** Releases the connections of the custom network client, if one was created for `caPem`. */
  async close(): Promise<void> {
    await this.#networkClient?.close();
  }
}

/** msal's messages span lines (trace and correlation ids): keep the AADSTS sentence, or the first line. */
function authErrorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { errorCode?: unknown }).errorCode;
  const aadsts = /AADSTS\d+:[^\n]*?(?=\r?\n|\s+Trace ID:|$)/.exec(message)?.[0];
  const summary = aadsts ?? message.split(/\r?\n/)[0] ?? message;
  return typeof code === 'string' && code !== '' && !summary.startsWith(code)
    ? `${code}: ${summary}`
    : summary;
}

function certificateForMsal(certificate: MsalClientCertificateOptions['certificate']): {
  thumbprintSha256: string;
  privateKey: string;
} {
  let privateKey: string;
  try {
    privateKey = createPrivateKey(certificate.privateKeyPem)
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  } catch (cause) {
    throw new TypeError('Invalid option certificate.privateKeyPem: not a readable unencrypted private key.', {
      cause,
    });
  }
  let thumbprint = certificate.thumbprintSha256;
  if (thumbprint === undefined && certificate.certificatePem !== undefined) {
    thumbprint = new X509Certificate(certificate.certificatePem).fingerprint256;
  }
  if (thumbprint === undefined) {
    throw new TypeError('Invalid option certificate: give certificatePem or thumbprintSha256.');
  }
  return { thumbprintSha256: thumbprint.replaceAll(':', '').toLowerCase(), privateKey };
}
