/**
 * A browser app's view of mde-sim: the simulator runs in the page, MSW's service worker routes the page's
 * fetches to the real MDE host into it, and the page calls the API as it would in production.
 * Built by build.ts (esbuild, platform browser); driven by browser.test.ts.
 */
import { setupWorker } from 'msw/browser';
import { DEMO_TENANT_ID } from '../../mock/index.ts';
import { createMdeHandlers } from '../../mock/msw/index.ts';

const status = document.querySelector('#status') as HTMLOutputElement;
const body = document.querySelector('#body') as HTMLPreElement;

try {
  const mde = await createMdeHandlers({
    clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
    seed: 'browser',
  });
  const worker = setupWorker(...mde.handlers);
  await worker.start({ onUnhandledFrame: 'error', quiet: true });

  const tenant = mde.control.tenant(DEMO_TENANT_ID);
  const app = tenant.apps.find((a) => a.roles.includes('Machine.RestrictExecution'))!;
  const machine = tenant.machines.find((m) => m.restricted && m.online)!;
  const token = await mde.control.mintToken({ tenantId: tenant.id, clientId: app.clientId });

  const res = await fetch(
    `https://api.security.microsoft.com/api/machines/${machine.id}/unrestrictCodeExecution`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Comment: 'Unrestricted from the browser' }),
    },
  );
  body.textContent = await res.text();

  // The one $filter grammar (odata-v4-parser) and the core's CompressionStream, in the browser too.
  const filter = "(riskScore eq 'High' or machineTags eq 'VIP') and healthStatus eq 'Active'";
  const list = await fetch(
    `https://api.security.microsoft.com/api/machines?$filter=${encodeURIComponent(filter)}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  const listed = (await list.json()) as { value: { computerDnsName: string }[] };
  document.body.dataset.filtered = listed.value.map((m) => m.computerDnsName).join(',');
  const compressed = await mde.simulator.handle({
    method: 'GET',
    origin: 'https://api.security.microsoft.com',
    path: `/api/machines/${machine.id}`,
    query: '',
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'deflate' },
    body: undefined,
  });
  const inflated = new Response(
    new Blob([compressed.bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('deflate')),
  );
  const entity = (await inflated.json()) as { id: string };
  document.body.dataset.deflated = `${compressed.headers['content-encoding']} ${entity.id}`;
  status.value = String(res.status);
} catch (error) {
  body.textContent =
    error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
  status.value = 'error';
}
