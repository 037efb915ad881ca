/**
 * @module mde-sim/msw
 * MSW handlers over the simulator core: every MDE API host of the spec and the Entra ID login hosts answer
 * from one in-process simulator, through `simulator.fetch`. The handlers add no behaviour of their own, so
 * they give the standalone server's answers (test/msw/same-answers.test.ts). The same module serves Node and
 * browsers (it imports no `node:*`): use the handlers with `setupServer` from `msw/node` or `setupWorker` from
 * `msw/browser`.
 *
 * One host fact, not handled here: msw/node's `setupServer` (msw 3.0.5) does not see undici's `request`, which
 * `mde-sim/client` uses (use `setupSocketLevelServer` from `mde-sim/msw/node`). Browser bundles need no shim:
 * test/browser/build.ts bundles this entry with plain esbuild browser options.
 */
import { type HttpHandler, http } from 'msw';
import { spec } from '../../openapi/spec.gen.ts';
import type { SimulatorClock } from '../core/clock.ts';
import type { SimulatorControl } from '../core/control-api.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../core/simulator.ts';

/** Every API host of the spec's `servers` (all regions, legacy and US Government hosts). */
export const defaultApiHosts: readonly string[] = Object.freeze(spec.servers.map((server) => server.url));

/** The Entra ID hosts msal and @azure/identity call for the public and US Government clouds. */
export const defaultLoginHosts: readonly string[] = Object.freeze([
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
]);

/** Options of {@link createMdeHandlers}: simulator options or a simulator, plus the hosts to answer. */
export interface MdeHandlersOptions extends SimulatorOptions {
  /** An existing simulator to serve, instead of creating one from simulator options (give one or the other). */
  simulator?: Simulator;
  /** Origins answered as the MDE API. @default {@link defaultApiHosts} */
  apiHosts?: readonly string[];
  /** Origins answered as Entra ID (token, discovery, keys). @default {@link defaultLoginHosts} */
  loginHosts?: readonly string[];
}

/** What {@link createMdeHandlers} returns. */
export interface MdeHandlers {
  /** One `http.all` handler per host, each delegating to `simulator.fetch`. */
  handlers: HttpHandler[];
  simulator: Simulator;
  /** The simulator's typed control surface (seeding, faults, quotas, journal, `mintToken`). */
  control: SimulatorControl;
  /** The simulator's clock (`advance`, `setTime`, `freeze`...). */
  clock: SimulatorClock;
  /** Restores tenants, quotas, faults and the journal (the clock is left where it is). */
  reset(): void;
}

/**
 * Creates the MSW handlers and the simulator behind them.
 * @throws TypeError naming the option when a host is not an origin, or when both `simulator` and simulator
 * options are given.
 * @example
 * ```ts
 * const mde = await createMdeHandlers({ clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' } });
 * const server = setupServer(...mde.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * ```
 */
export async function createMdeHandlers(options: MdeHandlersOptions = {}): Promise<MdeHandlers> {
  const { simulator: given, apiHosts = defaultApiHosts, loginHosts = defaultLoginHosts, ...rest } = options;
  const hosts = [...checkOrigins(apiHosts, 'apiHosts'), ...checkOrigins(loginHosts, 'loginHosts')];
  if (given && Object.keys(rest).length > 0) {
    throw new TypeError(
      `Invalid options: simulator options (${Object.keys(rest).join(', ')}) cannot apply to the given simulator.`,
    );
  }
  const simulator = given ?? (await createSimulator(rest));
  return {
    handlers: hosts.map((origin) => http.all(`${origin}/*`, ({ request }) => simulator.fetch(request))),
    simulator,
    control: simulator.control,
    clock: simulator.clock,
    reset: () => simulator.control.reset(),
  };
}

function checkOrigins(hosts: readonly string[], name: string): string[] {
  return hosts.map((host) => {
    const url = URL.canParse(host) ? new URL(host) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== host.replace(/\/$/, '')) {
      throw new TypeError(`Invalid option ${name}: "${host}" is not an origin (https://host[:port]).`);
    }
    return url.origin;
  });
}
