/**
 * Everything the project runs in a real browser, under one launch of Debian's Chromium (the heavy step):
 * the live page of the simulated tenant (dashboard.ts), and the MSW handlers.
 *
 * The MSW handlers in a real browser: the page (built by build.ts for `platform: 'browser'`, so no Node API can
 * sneak in) runs the simulator, starts MSW's service worker, mints a token through the typed control surface and
 * POSTs an unrestrict to https://api.security.microsoft.com with fetch. Debian's Chromium, headless, through
 * playwright-core; the page is served from 127.0.0.1:0 and the browser resolves no other host, so nothing leaves
 * the machine even if interception failed.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBuildOptions, buildBrowserPage } from './build.ts';
import { liveTenantPageTests } from './dashboard.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium
  ? 'headless Chromium'
  : `headless Chromium: the live page and the MSW handlers (SKIPPED: ${CHROMIUM} not found; install it with: apt-get install -y chromium)`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** A static file server for `root` on 127.0.0.1:0. */
async function serveFolder(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!hasChromium)(title, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Only the page's own server resolves: an unintercepted call to a real host fails here, offline.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('the live page of the simulated tenant', () => liveTenantPageTests(() => browser));

  describe('the MSW handlers', () => mswTests(() => browser));
});

function mswTests(launched: () => Browser): void {
  const outDir = mkdtempSync(join(tmpdir(), 'mde-sim-browser-'));
  let site: { url: string; server: Server };
  let browser: Browser;

  beforeAll(async () => {
    browser = launched();
    await buildBrowserPage(outDir);
    site = await serveFolder(outDir);
  });
  afterAll(async () => {
    site?.server.closeAllConnections();
    await new Promise((resolve) => site?.server.close(resolve));
    await rm(outDir, { recursive: true, force: true });
  });

  it('the browser build refuses a node:* import (the check is real)', async () => {
    await expect(
      build({
        ...browserBuildOptions,
        stdin: { contents: "import { randomUUID } from 'node:crypto'; console.log(randomUUID());" },
        write: false,
      }),
    ).rejects.toThrow(/node:crypto/);
  });

  it('answers 201 with an UnrestrictCodeExecution MachineAction to a fetch from the page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => document.querySelector('output')?.value !== 'running', null, {
      timeout: 20_000,
    });
    const status = await page.locator('#status').textContent();
    const body = (await page.locator('#body').textContent()) ?? '';
    expect({ status, problems }, body).toEqual({ status: '201', problems: [] });
    expect(JSON.parse(body)).toMatchObject({
      '@odata.context': 'https://api.security.microsoft.com/api/$metadata#MachineActions/$entity',
      type: 'UnrestrictCodeExecution',
      status: 'Pending',
      requestor: 'SOAR Playbook Automation',
      requestorComment: 'Unrestricted from the browser',
    });
    // The machine list with an or-filter, and a deflated answer inflated by the page's DecompressionStream.
    expect(await page.evaluate(() => document.body.dataset.filtered)).toBe(
      'fin-laptop-017.contoso-demo.local,eng-web-03.contoso-demo.local',
    );
    expect(await page.evaluate(() => document.body.dataset.deflated)).toMatch(/^deflate [0-9a-f]{40}$/);
    await page.close();
  });
}
