/**
 * @module
 * The express adapter: mount a simulator inside your own express app, e.g.
 * `app.use('/mde', mdeSimMiddleware(simulator))`. It only translates; the simulator answers.
 * `@odata.context` and the Entra ID discovery documents then carry the mount path, as the real service's
 * carry its host. Mount it before body parsers: a parser upstream answers bad JSON with its own error page.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Simulator } from '../core/simulator.ts';
import type { SimRequest } from '../core/types.ts';
import { MAX_BODY_BYTES } from './node-adapter.ts';

async function readBody(req: Request): Promise<string | undefined> {
  // An upstream body parser may have consumed the stream already: use what it left.
  const parsed: unknown = req.body;
  if (Buffer.isBuffer(parsed)) return parsed.toString('utf8');
  if (typeof parsed === 'string') return parsed;
  if (
    parsed !== undefined &&
    parsed !== null &&
    typeof parsed === 'object' &&
    Object.keys(parsed).length > 0
  ) {
    return JSON.stringify(parsed);
  }
  if (req.readableEnded) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(chunk);
  }
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** An express middleware serving `simulator` at the path it is mounted on. */
export function mdeSimMiddleware(simulator: Simulator): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const q = req.originalUrl.indexOf('?');
      const request: SimRequest = {
        method: req.method.toUpperCase(),
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`,
        path: req.path,
        query: q === -1 ? '' : req.originalUrl.slice(q + 1),
        headers: req.headers as Record<string, string | undefined>,
        body: await readBody(req),
        remote: `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? ''}`,
      };
      const response = await simulator.handle(request);
      if (response.dropConnection) {
        req.socket.destroy();
        return;
      }
      // Not res.send(): it would add a Content-Type (text/html on the empty 405) and an ETag the service never sends.
      res.writeHead(response.status, response.headers);
      res.end(response.bytes ?? response.body);
    })().catch(next);
  };
}
