/**
 * The Defender for Endpoint API hosts by region, and the resolution of a client `endpoint`
 * (a region name or a base URL) to a base URL.
 * @module
 */

import { spec } from '../openapi/spec.gen.ts';

type SpecRegion = (typeof spec.servers)[number]['x-region'];

/** A region name: the spec's `servers[].x-region` values, plus `dod` (same host as `gcc-high`). */
export type Region = SpecRegion | 'dod';

/**
 * API base URL per region name, read from the OpenAPI document's `servers` (`x-region`): `global` is the
 * documented service base URI, `us`/`eu`/`uk`/`au`/`swa`/`ina` the geo hosts, `securitycenter*` and
 * `legacy-securitycenter` the older hosts that still answer, `gcc`/`gcc-high`/`dod` the US Government clouds.
 */
export const regions: Readonly<Record<Region, string>> = Object.freeze({
  ...(Object.fromEntries(spec.servers.map((server) => [server['x-region'], server.url])) as Record<
    SpecRegion,
    string
  >),
  dod:
    spec.servers.find((server) => server['x-region'] === 'gcc-high')?.url ??
    'https://api-gov.securitycenter.microsoft.us',
});

/** True when `name` is a known region name. */
export function isRegion(name: string): name is Region {
  return Object.hasOwn(regions, name);
}

/**
 * Turns a region name or a base URL into a normalized base URL (no trailing slash, no trailing `/api`,
 * since the client appends `/api/...` itself).
 * @throws TypeError naming the option when `endpoint` is neither a region nor an http(s) URL.
 */
export function resolveEndpoint(endpoint: string, optionName = 'endpoint'): URL {
  if (isRegion(endpoint)) return new URL(regions[endpoint]);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError(
      `Invalid ${optionName} "${endpoint}": expected a region (${Object.keys(regions).join(', ')}) or an https:// base URL.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Invalid ${optionName} "${endpoint}": the protocol must be https: or http:.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(`Invalid ${optionName} "${endpoint}": a base URL has no query or fragment.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
  return url;
}
