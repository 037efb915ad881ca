/**
 * @module
 * Compression of API answers, as the service does it (payloads 11, 12, 16, 17): when the client sends
 * `Accept-Encoding`, the body is compressed, `deflate` chosen over `gzip` when both are offered (every
 * capture shows `Content-Encoding: deflate` for clients offering both), on success and error answers alike,
 * with `Vary: Accept-Encoding`. It lives in the core, so the standalone server, express and MSW send the
 * same bytes; it uses the web platform's CompressionStream (browsers and Node), so the core stays host-free.
 * Adapters write no `Content-Length` for these bodies, so node sends them chunked, as recorded.
 */
import type { SimResponse } from './types.ts';

/** A content coding the simulator produces. */
export type ContentCoding = 'deflate' | 'gzip';

/**
 * The coding to answer with for an `Accept-Encoding` header: `deflate` if acceptable, else `gzip`, else none.
 * `q=0` refuses a coding; `*` accepts any.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (name !== '') accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const acceptable = (coding: ContentCoding) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  if (acceptable('deflate')) return 'deflate';
  if (acceptable('gzip')) return 'gzip';
  return undefined;
}

/** Compresses bytes with the platform's CompressionStream (`deflate` is zlib-wrapped, as HTTP means it). */
export async function compress(body: string | Uint8Array, coding: ContentCoding): Promise<Uint8Array> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream(coding));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The answer as the service sends it to a client with this `Accept-Encoding`: compressed with `Vary`, or
 * unchanged (with `Vary`) when the client asked for none. Empty bodies, dropped connections and bodies
 * already encoded are left as they are.
 */
export async function encodeAnswer(
  response: SimResponse,
  acceptEncoding: string | undefined,
): Promise<SimResponse> {
  const content = response.bytes ?? response.body;
  if (response.dropConnection || content.length === 0) return response;
  if (response.headers['content-encoding'] !== undefined) return response;
  response.headers.vary = 'Accept-Encoding';
  const coding = negotiateEncoding(acceptEncoding);
  if (coding === undefined) return response;
  const bytes = await compress(content, coding);
  const { 'content-length': _length, ...headers } = response.headers;
  return { ...response, headers: { ...headers, 'content-encoding': coding }, body: '', bytes };
}
