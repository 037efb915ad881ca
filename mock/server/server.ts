/**
 * @module
 * The standalone server: one simulator behind plain node:http (for curl, MSW users, speed), node:https
 * (Entra ID clients such as msal-node refuse a non-HTTPS authority) and, optionally, the proxy mode for
 * clients that keep Microsoft's host names (proxy.ts). Keys and the CA live in the state directory so
 * tokens and trust survive a restart; damaged ones stop the start (tls.ts, signing-key-store.ts).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  createSimulator,
  type Simulator,
  type SimulatorLogger,
  type SimulatorOptions,
} from '../core/simulator.ts';
import { createRequestListener } from './node-adapter.ts';
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
   * Extra names the server answers to (`serve --public-host`): added to the server certificate and, through
   * the proxy, intercepted like the Microsoft hosts. @default none
   */
  publicHosts?: string[];
  /**
   * Port of the proxy mode (an HTTP proxy intercepting the Microsoft host names, see proxy.ts); 0 picks a
   * free one, null means no proxy. Needs HTTPS's certificate, so it is refused with `httpsPort: null`.
   * @default null
   */
  proxyPort?: number | null;
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

  const listener = createRequestListener(simulator);
  const servers: Server[] = [];
  const http = createHttpServer({ keepAliveTimeout: 5_000 }, listener);
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
