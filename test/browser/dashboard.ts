/**
 * The live page of the simulated tenant, driven in Chromium as a presenter would: remove an app restriction
 * from the fleet, move the clock, watch the action reach Succeeded and the machine lose its restriction; get a
 * 403 as an app without the role; throttle a caller from a script and see the 429s on the quota view. Runs under
 * browser.test.ts's single browser launch. Full-page screenshots are kept in test/browser/artifacts/ (git-ignored).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { MACHINE, SOAR_APP, START, TENANT } from '../helpers/sim-server.ts';

/** Where the screenshots go (git-ignored; a CI run can keep the folder as artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const NO_ROLE_MACHINE = 'f70f9fe6b29cd9511652434919c6530618f06606'; // dev-ws-108, not restricted

/** Page errors and CSP refusals (an HTTP error answer the page asked for is not a problem). */
function watch(page: Page, origin: string): { problems: string[]; foreign: string[] } {
  const seen = { problems: [] as string[], foreign: [] as string[] };
  page.on('pageerror', (error) => seen.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      seen.problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:'))
      seen.foreign.push(request.url());
  });
  return seen;
}

export function liveTenantPageTests(launched: () => Browser): void {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    browser = launched();
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-page-')),
      simulator: { clock: { mode: 'frozen', startAt: START }, seed: 'page' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('removes an app restriction, follows the action to Succeeded on the clock, and shows 403s and 429s', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, colorScheme: 'light' });
    const seen = watch(page, server.url);
    await page.goto(`${server.url}/`);
    const row = page.locator('tr', { hasText: 'fin-laptop-017' });
    await expect.poll(() => row.locator('.badge', { hasText: 'restricted' }).count()).toBe(1);

    // Every control has an accessible name (an unnamed one reads as a bare "- button" in the tree).
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toContain('heading "Fleet"');
    expect(tree.match(/^\s*- (button|combobox|textbox|searchbox|spinbutton)(:|$)/gm) ?? []).toEqual([]);

    await row.getByRole('button', { name: 'Remove app restriction' }).click();
    const action = page.locator('#timeline .action', { hasText: 'UnrestrictCodeExecution' });
    await action.locator('[data-status="Pending"]').waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toContain('201');

    // From the keyboard: focus "+20 s" and press Enter; the focus ring must be visible.
    const advance = page.getByRole('button', { name: '+20 s' });
    await advance.focus();
    await page.keyboard.press('Enter');
    expect(await advance.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.locator('#timeline .action[data-final-status="Succeeded"]').waitFor();
    // Every status with its own simulator time, although the clock jumped 20 s at once.
    expect(await action.locator('.steps li').allTextContents()).toEqual([
      'Pending 10:00:00',
      'InProgress 10:00:05',
      'Succeeded 10:00:20',
    ]);
    await row.getByRole('button', { name: 'Restrict app execution' }).waitFor();
    expect(await row.locator('.badge', { hasText: 'restricted' }).count()).toBe(0);
    const machine = server.simulator.control.tenant(TENANT).machines.find((m) => m.id === MACHINE);
    expect(machine?.restricted).toBe(false);

    // The full MachineAction, as GET /api/machineactions/{id} answers it.
    await action.getByRole('button', { name: /UnrestrictCodeExecution/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Machine action' });
    await dialog.waitFor();
    const shown = JSON.parse((await dialog.locator('pre').textContent()) ?? '{}');
    expect(shown).toMatchObject({
      '@odata.context': `${server.url}/api/$metadata#MachineActions/$entity`,
      type: 'UnrestrictCodeExecution',
      status: 'Succeeded',
      requestor: 'SOAR Playbook Automation',
    });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // An app without Machine.RestrictExecution gets the real 403, and the journal shows it.
    await page
      .getByLabel('Call the API as')
      .selectOption({ label: 'Inventory Reporter (app, no RestrictExecution role)' });
    await page
      .locator('tr', { hasText: 'dev-ws-108' })
      .getByRole('button', { name: 'Restrict app execution' })
      .click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('403');
    await page.locator('#journal-status').selectOption('403');
    await page
      .locator('#journal-rows tr[data-status="403"]', { hasText: `/api/machines/${NO_ROLE_MACHINE}` })
      .waitFor();
    await page.locator('#journal-status').selectOption('all');

    // A script throttles the SOAR app: 105 calls against the 100-per-minute quota.
    const token = await server.simulator.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
    const statuses = await Promise.all(
      Array.from({ length: 105 }, () =>
        fetch(`${server.url}/api/machines/${MACHINE}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const soar = page.locator('.caller-card.storm', { hasText: 'SOAR Playbook Automation' });
    await soar.locator('.badge', { hasText: '5 × 429' }).waitFor();
    const getMachine = soar.locator('tr', { hasText: 'getMachine' });
    expect(await getMachine.getByText('minute: 0 of 100 left').count()).toBe(1);
    expect(await soar.locator('.strip [data-code="429"]').count()).toBe(5);

    await page.screenshot({ path: join(ARTIFACTS, 'live-page-1366-light.png'), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'live-page-1920-dark.png'), fullPage: true });
    expect(seen).toEqual({ problems: [], foreign: [] });
    await page.close();
  });

  it('asks once for the control token when the control API requires one', async () => {
    const guarded = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-page-token-')),
      controlToken: 'page-test-control-token-0123456789',
      simulator: { clock: { mode: 'frozen', startAt: START }, seed: 'page-token' },
    });
    try {
      const page = await browser.newPage();
      const seen = watch(page, guarded.url);
      await page.goto(`${guarded.url}/`);
      const dialog = page.getByRole('dialog', { name: 'Control token' });
      await dialog.waitFor();
      await dialog.getByLabel('Token').fill('page-test-control-token-0123456789');
      await dialog.getByRole('button', { name: 'Use token' }).click();
      await page.locator('tr', { hasText: 'fin-laptop-017' }).waitFor();
      await page.reload();
      await page.locator('tr', { hasText: 'fin-laptop-017' }).waitFor();
      expect(await dialog.isVisible()).toBe(false);
      expect(seen).toEqual({ problems: [], foreign: [] });
      await page.close();
    } finally {
      await guarded.close();
    }
  });
}
