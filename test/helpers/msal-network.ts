/** msal-node's network module over undici, trusting the simulator's CA (msal 7 uses global fetch otherwise). */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { Agent, request } from 'undici';

export function msalNetworkClient(caPem: string): INetworkModule {
  const dispatcher = new Agent({ connect: { ca: caPem }, keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const res = await request(url, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body === undefined ? {} : { body: options.body }),
      dispatcher,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers))
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    return { headers, body: (await res.body.json()) as T, status: res.statusCode };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
