/**
 * @module
 * The standalone server: one simulator behind plain node:http (for curl, MSW users, speed) and
 * node:https (Entra ID clients such as msal-node refuse a non-HTTPS authority). Keys and the CA live in
 * the state directory so tokens and trust survive a restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createSimulator,
  type Simulator,
  type SimulatorLogger,
  type SimulatorOptions,
} from '../core/simulator.ts';
import { answerMalformedRequestsInOrder, createRequestListener } from './node-adapter.ts';
import { restoreState, type StatePersister, startPersister } from './persistence.ts';
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
   * Binding to an address other than loopback exposes the MDE API, the token endpoint and the control
   * API to the network: it must be asked for explicitly. @default false
   */
  allowRemote?: boolean;
  /**
   * Token the control API (`/_sim`) requires. On a non-loopback bind one is generated when not given
   * (returned as `controlToken`). @default none on loopback
   */
  controlToken?: string;
  /** More names clients reach the server by: the control API answers to them (DNS-rebinding check). */
  publicHosts?: readonly string[];
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
  /** The control API's token, when one is required (always on a non-loopback bind). */
  controlToken: string | null;
  /** The state file when persisting, else null. */
  stateFile: string | null;
  /** Whether the state was restored from the state file at start. */
  restoredState: boolean;
  simulator: Simulator;
  /** Stops listening, closes open connections and releases the simulator. */
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

/** Loads the persisted signing keys, or lets the simulator create them and persists those. */
async function signingKeysFile(stateDir: string): Promise<{ path: string; keys: string | undefined }> {
  const path = join(stateDir, 'identity', 'signing-keys.json');
  try {
    return { path, keys: await readFile(path, 'utf8') };
  } catch {
    return { path, keys: undefined };
  }
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** Names a server bound to `host` can be reached by (a wildcard bind: every interface address). */
function namesOf(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
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
  const stateDir = resolve(options.stateDir ?? '.mde-sim');
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

  let simulator: Simulator;
  if (isSimulator(options.simulator)) {
    simulator = options.simulator;
  } else {
    const persisted = await signingKeysFile(stateDir);
    simulator = await createSimulator({
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...options.simulator,
      ...(persisted.keys === undefined ? {} : { identityKeys: persisted.keys }),
    });
    if (persisted.keys === undefined) {
      await mkdir(join(stateDir, 'identity'), { recursive: true });
      await writeFile(persisted.path, JSON.stringify(await simulator.identity.exportKeys()), { mode: 0o600 });
    }
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
  const url = `http://${formatHost(host)}:${await listen(http, port, host)}`;

  let httpsUrl: string | null = null;
  let caCertPath: string | null = null;
  let caCertPem: string | null = null;
  if (httpsPort !== null) {
    const tls = await loadOrCreateTls(stateDir);
    const https = createHttpsServer(
      { key: tls.serverKeyPem, cert: tls.serverCertPem, keepAliveTimeout: 5_000 },
      listener,
    );
    answerMalformedRequestsInOrder(https);
    servers.push(https);
    httpsUrl = `https://${formatHost(host)}:${await listen(https, httpsPort, host)}`;
    caCertPath = tls.caCertPath;
    caCertPem = tls.caCertPem;
  }

  return {
    url,
    httpsUrl,
    caCertPath,
    caCertPem,
    controlToken,
    stateFile: persister?.path ?? null,
    restoredState,
    simulator,
    async close() {
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
