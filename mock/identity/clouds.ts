/**
 * @module
 * The Entra ID clouds the simulator answers for when a client reaches it on Microsoft's own host names
 * (through the proxy or a hosts-file entry): which sign-in hosts belong to which cloud, and which MDE
 * audiences each cloud issues tokens for. On any other host (127.0.0.1, a `--public-host`) the simulator is a
 * cloud of its own that issues every audience.
 */

/** One national cloud of Entra ID. */
export interface EntraCloud {
  /** `cloud_instance_name` of the OpenID configuration. */
  instanceName: string;
  /** The host clients send token requests to (instance discovery's `preferred_network`). */
  preferredNetwork: string;
  /** The host MSAL files cached tokens under (`preferred_cache`). */
  preferredCache: string;
  /** Every sign-in host of the cloud, as instance discovery lists them. */
  aliases: readonly string[];
  /** Microsoft Graph host of the cloud (`msgraph_host`). */
  graphHost: string;
  /** MDE audiences (`resource`, or scope without `/.default`) this cloud issues tokens for. */
  audiences: readonly string[];
}

/**
 * The clouds, as Entra's instance discovery describes them (the aliases are the ones MSAL libraries ship
 * as their built-in copy of that answer). GCC tenants sign in on the public cloud and call `api-gcc`; GCC
 * High and DoD sign in on `login.microsoftonline.us` and call `api-gov` (mde-api.md §6-7, [P] S17).
 */
export const entraClouds: readonly EntraCloud[] = [
  {
    instanceName: 'microsoftonline.com',
    preferredNetwork: 'login.microsoftonline.com',
    preferredCache: 'login.windows.net',
    aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    graphHost: 'graph.microsoft.com',
    audiences: [
      'https://api.securitycenter.microsoft.com',
      'https://api.security.microsoft.com',
      'https://api.securitycenter.windows.com',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
      'https://api-gcc.securitycenter.microsoft.us',
    ],
  },
  {
    instanceName: 'microsoftonline.us',
    preferredNetwork: 'login.microsoftonline.us',
    preferredCache: 'login.microsoftonline.us',
    aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
    graphHost: 'graph.microsoft.us',
    audiences: [
      'https://api-gov.securitycenter.microsoft.us',
      'https://api-gcc.securitycenter.microsoft.us',
      // XSOAR's app-id URI for GCC High and DoD (mde-api.md §6, [C] C4).
      'https://securitycenter.onmicrosoft.us/windowsatpservice',
    ],
  },
];

/** Every audience of every cloud: what the simulator's own host issues and what the API accepts. */
export const allCloudAudiences: readonly string[] = [...new Set(entraClouds.flatMap((c) => c.audiences))];

/** The sign-in hosts the simulator answers for under their real names. */
export const entraHosts: readonly string[] = [
  'login.microsoftonline.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
];

/** The cloud a sign-in host belongs to, or undefined for a host of no real cloud (the simulator's own). */
export function cloudOfHost(host: string): EntraCloud | undefined {
  const name = hostName(host);
  return entraClouds.find((cloud) => cloud.aliases.includes(name));
}

/** The lower-case host name of `host[:port]` or an origin, without the port. */
export function hostName(hostOrOrigin: string): string {
  let host = hostOrOrigin.toLowerCase();
  const scheme = host.indexOf('://');
  if (scheme !== -1) host = host.slice(scheme + 3);
  host = host.split('/')[0] ?? '';
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
