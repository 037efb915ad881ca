/**
 * @module mde-sim/msw/node
 * `setupServer` with msw's own network, fed by the socket-level interceptor instead of msw/node's defaults.
 *
 * msw 3.0.5's `setupServer` patches global fetch, `node:http` and XMLHttpRequest only; undici's `request` (with
 * the global dispatcher or the client's own `Pool`) opens its sockets itself and escapes it (mswjs/msw#2165,
 * mswjs/interceptors#707; pinned by test/msw/undici-interception.test.ts). `HttpRequestInterceptor` from
 * @mswjs/interceptors sits at the `net`/`tls` socket and sees every HTTP client: undici, fetch, node:https
 * (msal). Same handlers, same `onUnhandledFrame`, same events: only the interception point differs.
 */
import { HttpRequestInterceptor } from '@mswjs/interceptors/http';
import type { AnyHandler, UnhandledFrameHandle } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { defaultNetworkOptions } from 'msw/node';

/** Like msw/node's `setupServer`, for requests made by any Node HTTP client, undici included. */
export function setupSocketLevelServer(...handlers: AnyHandler[]) {
  const network = defineNetwork({
    ...defaultNetworkOptions,
    sources: [new InterceptorSource({ interceptors: [new HttpRequestInterceptor()] })],
    handlers,
  });
  return {
    events: network.events,
    listen(options: { onUnhandledFrame?: UnhandledFrameHandle } = {}): void {
      network.configure({ onUnhandledFrame: options.onUnhandledFrame ?? 'warn' });
      network.enable();
    },
    use: network.use,
    resetHandlers: network.resetHandlers,
    close(): void {
      network.disable();
    },
  };
}

export { createMswDispatcher, type MswDispatcherOptions } from './undici-dispatcher.ts';
