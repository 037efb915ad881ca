/**
 * @module
 * Serves the live page of the simulated tenant (`mock/dashboard/`) at `/` of whatever hosts the simulator:
 * the page, its script and its style sheet, from the generated module `dashboard-assets.gen.ts` (so the core
 * reads no file and runs anywhere; decision 010). The page is static and holds no secret: everything it shows
 * it reads from the control API, which keeps its own protection. Every URL in the page is relative to a
 * `<base>` set here from the mount path, so it also works under an express mount such as `/mde/`.
 */
import { dashboardAssets } from './dashboard-assets.gen.ts';
import type { SimRequest, SimResponse } from './types.ts';

/** The page's paths, relative to the mount point. */
const ASSETS: Record<string, { type: string; body: (basePath: string) => string }> = {
  '/': { type: 'text/html; charset=utf-8', body: (base) => dashboardAssets.html.replace('%BASE%', base) },
  '/dashboard/app.js': { type: 'text/javascript; charset=utf-8', body: () => dashboardAssets.js },
  '/dashboard/app.css': { type: 'text/css; charset=utf-8', body: () => dashboardAssets.css },
};

/**
 * Same-origin scripts, styles and fetches only: nothing the page loads can come from elsewhere, and no
 * other site may frame it (the controls are buttons).
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    "base-uri 'self'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** Whether `path` is one of the page's. */
export function isDashboardPath(path: string): boolean {
  return Object.hasOwn(ASSETS, path);
}

/** The page or one of its assets; 405 for a method other than GET or HEAD. */
export function dashboardResponse(request: SimRequest): SimResponse {
  const asset = ASSETS[request.path];
  if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return { status: 405, headers: { allow: 'GET, HEAD' }, body: '' };
  }
  const body = asset.body(escapeAttribute(basePathOf(request.origin)));
  return {
    status: 200,
    headers: { 'content-type': asset.type, ...SECURITY_HEADERS },
    body: request.method === 'HEAD' ? '' : body,
  };
}

/** The mount path with a trailing slash: `/` standalone, `/mde/` under `app.use('/mde', ...)`. */
function basePathOf(origin: string): string {
  let path = '/';
  try {
    path = new URL(origin).pathname;
  } catch {
    // an origin the adapter could not form: serve at the root
  }
  return path.endsWith('/') ? path : `${path}/`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
