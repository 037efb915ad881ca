/**
 * @module
 * The host names the simulator answers on besides its own address: every API host of the spec's `servers`
 * (all regions, the legacy host, US Government) and the Entra ID sign-in hosts. The server certificate names
 * them all, and the proxy intercepts exactly the certificate's names.
 */

import { spec } from '../../openapi/spec.gen.ts';
import { entraHosts } from '../identity/clouds.ts';

/** The MDE API hosts of the spec's `servers`, lower case. */
export function apiHosts(): string[] {
  const servers: readonly { url: string }[] = spec.servers;
  return [...new Set(servers.map((server) => new URL(server.url).hostname.toLowerCase()))];
}

/** The names a client may use for the simulator on loopback. */
export const loopbackNames: readonly string[] = ['127.0.0.1', '::1', 'localhost'];

/** Every name the server certificate must carry: API hosts, Entra hosts, loopback, and `publicHosts`. */
export function certificateNames(publicHosts: readonly string[] = []): string[] {
  return [
    ...new Set([
      ...loopbackNames,
      ...apiHosts(),
      ...entraHosts,
      ...publicHosts.map((h) => h.toLowerCase().replace(/^\[(.*)\]$/, '$1')),
    ]),
  ];
}
