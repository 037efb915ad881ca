/**
 * @module
 * Conversions between the web platform's `Request`/`Response` and the core's plain shapes, for hosts
 * that speak fetch (MSW, service workers, `simulator.fetch`). Available in browsers and Node alike.
 */
import type { SimRequest, SimResponse } from './types.ts';

/** Reads a web `Request` into a {@link SimRequest}. */
export async function fromWebRequest(request: Request): Promise<SimRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.text() : undefined;
  return {
    method: request.method.toUpperCase(),
    origin: url.origin,
    path: url.pathname,
    query: url.search.startsWith('?') ? url.search.slice(1) : url.search,
    headers,
    body: body === '' && request.headers.get('content-length') === null ? undefined : body,
  };
}

/** Builds a web `Response` from a {@link SimResponse} (a dropped connection becomes a network error). */
export function toWebResponse(response: SimResponse): Response {
  if (response.dropConnection) return Response.error();
  const body = response.bytes ? (response.bytes as Uint8Array<ArrayBuffer>) : response.body;
  const noBody = response.status === 204 || response.status === 304 || body.length === 0;
  return new Response(noBody ? null : body, { status: response.status, headers: response.headers });
}
