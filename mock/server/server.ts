/**
 * @module
 * The standalone server: one simulator behind plain node:http (for curl, MSW users, speed), node:https
 * (Entra ID clients such as msal-node refuse a non-HTTPS authority) and, optionally, the proxy mode for
 * clients that keep Microsoft's host names (proxy.ts). Keys and the CA live in the state directory so
 * tokens and trust survive a restart; damaged ones stop the start (tls.ts, signing-key-store.ts). With
 * `persist`, the simulator's state lives there too (persistence.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import {
  createSimulator,
  type Simulator,
  type SimulatorLogger,
  type SimulatorOptions,
} from '../core/simulator.ts';
import { answerMalformedRequestsInOrder, createRequestListener } from './node-adapter.ts';
import { restoreState, type StatePersister, startPersister } from './persistence.ts';
import { startProxy } from './proxy.ts';
import { certificateNames } from './real-hosts.ts';
import { signingKeyStore } from './signing-key-store.ts';
import { loadOrCreateTls } from './tls.ts';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Plain-HTTP port; 0 picks a free one. @default 5080 */
  port?: number;
  /** HTTPS port (same simulator); 0 picks a free one, null disables HTTPS. @default 5443 */
  httpsPort?: number | null;
  /** Where the CA, server certificate and signing keys are kept. @default '.mde-sim' */
  stateDir?: string;
  /** Options of the simulator to create, or an existing simulator to serve. */
  simulator?: SimulatorOptions | Simulator;
  /** Logger (pino's interface). @default none */
  logger?: SimulatorLogger;
  /**
   * Extra names the server answers to (`serve --public-host`): added to the server certificate, accepted
   * by the control API's Host check and, through the proxy, intercepted like the Microsoft hosts. @default none
   */
  publicHosts?: readonly string[];
  /**
   * Port of the proxy mode (an HTTP proxy intercepting the Microsoft host names, see proxy.ts); 0 picks a
   * free one, null means no proxy. Needs HTTPS's certificate, so it is refused with `httpsPort: null`.
   * @default null
   */
  proxyPort?: number | null;
  /**
   * Binding to an address other than loopback exposes the MDE API, the token endpoint and the control
   * API to the network: it must be asked for explicitly. @default false
   */
  allowRemote?: boolean;
  /**
   * Token the control API (`/_sim`) requires. On a non-loopback bind one is generated when not given
   * (returned as `controlToken`). @default none on loopback
   */
  controlToken?: string;
  /**
   * Keep the simulator's state in `<stateDir>/state.json`: restored at start, saved when it changed (at
   * most every `flushIntervalMs`, default 1000) and on close. @default false
   */
  persist?: boolean | { flushIntervalMs?: number };
}

/** A listening server. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `https://127.0.0.1:<port>`, or null when HTTPS is off. */
  httpsUrl: string | null;
  /** PEM file of the CA that signed the HTTPS certificate (trust it to call httpsUrl). */
  caCertPath: string | null;
  caCertPem: string | null;
  /** `http://127.0.0.1:<port>` of the proxy mode (for `HTTPS_PROXY`), or null when it is off. */
  proxyUrl: string | null;
  /** The control API's token, when one is required (always on a non-loopback bind). */
  controlToken: string | null;
  /** The state file when persisting, else null. */
  stateFile: string | null;
  /** Whether the state was restored from the state file at start. */
  restoredState: boolean;
  simulator: Simulator;
  /** Stops listening, closes open connections, saves the state (with persist) and releases the simulator. */
  close(): Promise<void>;
}

function isSimulator(value: ServerOptions['simulator']): value is Simulator {
  return typeof (value as Simulator | undefined)?.handle === 'function';
}

function checkPort(value: number | null | undefined, name: string): void {
  if (value === undefined || value === null) return;
  if (!(Number.isInteger(value) && value >= 0 && value <= 65535)) {
    throw new TypeError(`${name} must be an integer from 0 to 65535, got ${value}`);
  }
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** Names a server bound to `host` can be reached by (a wildcard bind: the host name and every interface address). */
function namesOf(host: string): string[] {
  if (!isWildcard(host)) return [host];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .map((info) => info?.address)
    .filter((address): address is string => address !== undefined);
  return [hostname(), ...addresses];
}

/** Starts the simulator's server. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 5080;
  const httpsPort = options.httpsPort === undefined ? 5443 : options.httpsPort;
  checkPort(port, 'port');
  checkPort(httpsPort, 'httpsPort');
  const proxyPort = options.proxyPort ?? null;
  checkPort(proxyPort, 'proxyPort');
  if (proxyPort !== null && httpsPort === null) {
    throw new TypeError(
      'proxyPort needs HTTPS (the proxy serves its certificate): do not combine it with httpsPort null',
    );
  }
  const remote = !isLoopback(host);
  if (remote && options.allowRemote !== true) {
    throw new Error(
      `Refusing to listen on ${host}: that exposes the MDE API, the token endpoint and the control API ` +
        '(demo secrets, token minting) beyond this machine. Pass --allow-remote (allowRemote: true) to do it; ' +
        'the control API then requires a control token.',
    );
  }
  let controlToken = options.controlToken ?? null;
  if (remote && controlToken === null) controlToken = randomBytes(24).toString('base64url');
  const stateDir = resolve(options.stateDir ?? '.mde-sim');
  const serverNames = certificateNames([...(options.publicHosts ?? []), ...(isWildcard(host) ? [] : [host])]);
  // Trust material is checked before anything listens: a damaged file stops the start with one line.
  const tls = httpsPort === null ? undefined : await loadOrCreateTls(stateDir, { serverNames });

  let simulator: Simulator;
  if (isSimulator(options.simulator)) {
    simulator = options.simulator;
  } else {
    const keyStore = signingKeyStore(stateDir);
    const persisted = await keyStore.load();
    simulator = await createSimulator({
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...options.simulator,
      ...(persisted === undefined ? {} : { identityKeys: persisted }),
      // A rotation is on disk before POST /_sim/keys/rotate answers.
      onKeysRotated: (keys) => keyStore.save(keys),
    });
    if (persisted === undefined) await keyStore.save(await simulator.identity.exportKeys());
  }
  simulator.controlAccess.allowHosts(...namesOf(host), ...(options.publicHosts ?? []));
  if (controlToken !== null) simulator.controlAccess.requireToken(controlToken);

  let persister: StatePersister | undefined;
  let restoredState = false;
  if (options.persist) {
    restoredState = await restoreState(simulator, stateDir);
    await mkdir(stateDir, { recursive: true });
    persister = startPersister(simulator, stateDir, {
      ...(typeof options.persist === 'object' && options.persist.flushIntervalMs !== undefined
        ? { flushIntervalMs: options.persist.flushIntervalMs }
        : {}),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  }

  const listener = createRequestListener(simulator);
  const servers: Server[] = [];
  const http = createHttpServer({ keepAliveTimeout: 5_000 }, listener);
  answerMalformedRequestsInOrder(http);
  servers.push(http);
  // A wildcard bind is no address a client calls (nor a certificate name): print a name that is.
  const shownHost = isWildcard(host) ? (options.publicHosts?.[0] ?? '127.0.0.1') : host;
  const url = `http://${formatHost(shownHost)}:${await listen(http, port, host)}`;

  let httpsUrl: string | null = null;
  let caCertPath: string | null = null;
  let caCertPem: string | null = null;
  if (httpsPort !== null && tls !== undefined) {
    const https = createHttpsServer(
      { key: tls.serverKeyPem, cert: tls.serverCertPem, keepAliveTimeout: 5_000 },
      listener,
    );
    answerMalformedRequestsInOrder(https);
    servers.push(https);
    httpsUrl = `https://${formatHost(shownHost)}:${await listen(https, httpsPort, host)}`;
    caCertPath = tls.caCertPath;
    caCertPem = tls.caCertPem;
  }

  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  if (proxyPort !== null && tls !== undefined) {
    proxy = await startProxy({
      host,
      port: proxyPort,
      hosts: serverNames,
      tls: { certPem: tls.serverCertPem, keyPem: tls.serverKeyPem },
      listener,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  }

  return {
    url,
    httpsUrl,
    caCertPath,
    caCertPem,
    proxyUrl: proxy?.url ?? null,
    controlToken,
    stateFile: persister?.path ?? null,
    restoredState,
    simulator,
    async close() {
      await proxy?.close();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        ),
      );
      await persister?.close();
      simulator.close();
    },
  };
}

/** An address that means "every interface": it is no name a client calls, so no certificate name. */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}
