/**
 * The live page of the simulated tenant (served at `/` by the simulator; bundled into
 * mock/core/dashboard-assets.gen.ts by `npm run generate`). It reads everything from the control API
 * (`/_sim`, same origin, JSON) once a second, and acts through the real MDE API with a token minted for the
 * caller chosen in "Call the API as", so the journal shows real calls, 403s and 429s included.
 * No framework: the page is small and must load with nothing to install.
 */
import type { ActivityEvent, ActivityPage } from '../core/activity-feed.ts';
import type { CallerUsage, TenantSummary } from '../core/control-api.ts';
import type { FaultPlan } from '../core/faults.ts';
import type { JournalEntry } from '../core/journal.ts';

/** A machine as the control API summarizes it; `isolation` (None, Full, Selective...) once the simulator has it. */
type Machine = TenantSummary['machines'][number] & { isolation?: string };

const isIsolated = (machine: Machine): boolean =>
  machine.isolation !== undefined && machine.isolation !== 'None';

const POLL_MS = 1000;
/** Actions the timeline remembers (a load test creates thousands; the page shows the newest). */
const MAX_ACTIONS = 500;
const TOKEN_KEY = 'mde-sim-control-token';
const TENANT_KEY = 'mde-sim-tenant';
const ACTIVE = new Set(['Pending', 'InProgress']);

const state = {
  tenant: undefined as TenantSummary | undefined,
  clock: { now: '', mode: 'running' as 'running' | 'frozen' },
  generation: 0,
  latest: 0,
  /** Status history per action id, in the order the feed gave it. */
  actions: new Map<string, ActivityEvent[]>(),
  callers: [] as CallerUsage[],
  journal: [] as JournalEntry[],
  faults: [] as FaultPlan[],
  operations: [] as string[],
  tokens: new Map<string, string>(),
  polling: false,
  waitingForToken: false,
};

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Replaces a region's HTML only when it changed, keeping keyboard focus on the same control. */
function render(container: HTMLElement, html: string): void {
  if (container.dataset.rendered === html) return;
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused && container.contains(focused) ? focused.dataset.key : undefined;
  container.innerHTML = html;
  container.dataset.rendered = html;
  // Widths through the CSSOM: the page's CSP refuses inline style attributes.
  for (const bar of container.querySelectorAll<HTMLElement>('[data-percent]')) {
    bar.style.width = `${bar.dataset.percent}%`;
  }
  if (focusKey) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function say(message: string, tone: 'ok' | 'error' = 'ok'): void {
  const status = $('status');
  status.textContent = message;
  status.dataset.tone = tone;
}

function shortTime(iso: string): string {
  return iso ? iso.slice(11, 19) : '';
}

// ---- the control API ----------------------------------------------------------------------------------

class ControlTokenNeeded extends Error {}
/** The tenant shown was removed (a reset to seeds without it): pick one again. */
class TenantGone extends Error {}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['x-mde-sim-control-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`_sim/${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (response.status === 401 && json.error?.code === 'ControlTokenRequired') {
    askForToken(token ? 'That token was refused.' : '');
    throw new ControlTokenNeeded(json.error.message);
  }
  if (response.status === 404 && json.error?.code === 'TenantNotFound') throw new TenantGone();
  if (!response.ok) throw new Error(json.error?.message ?? `${method} /_sim/${path}: ${response.status}`);
  return json as T;
}

function askForToken(error: string): void {
  state.waitingForToken = true;
  $('token-error').textContent = error;
  const dialog = $<HTMLDialogElement>('token-dialog');
  if (!dialog.open) dialog.showModal();
}

// ---- the real API, as the chosen caller ---------------------------------------------------------------

function chosenCaller(): { clientId: string; user?: string; label: string } | undefined {
  const select = $<HTMLSelectElement>('act-as');
  const option = select.selectedOptions[0];
  if (!option) return undefined;
  return {
    clientId: option.dataset.clientId ?? '',
    ...(option.dataset.user ? { user: option.dataset.user } : {}),
    label: option.textContent ?? '',
  };
}

async function callerToken(fresh = false): Promise<string> {
  const caller = chosenCaller();
  if (!caller || !state.tenant) throw new Error('No caller to act as');
  const key = `${caller.clientId}|${caller.user ?? ''}`;
  const cached = state.tokens.get(key);
  if (cached && !fresh) return cached;
  const { access_token } = await control<{ access_token: string }>('POST', 'tokens', {
    tenantId: state.tenant.id,
    clientId: caller.clientId,
    ...(caller.user ? { user: caller.user } : {}),
  });
  state.tokens.set(key, access_token);
  return access_token;
}

/** Calls the MDE API with the caller's token (minted again once if it expired on the simulator clock). */
/** An API answer: a MachineAction, a Machine or the MDE error envelope. */
interface ApiResult {
  status: number;
  json: { status?: string; error?: { code?: string; message?: string } } | null;
}

async function api(method: string, path: string, body?: unknown): Promise<ApiResult> {
  for (let attempt = 0; ; attempt++) {
    const token = await callerToken(attempt > 0);
    const response = await fetch(`api/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => null)) as ApiResult['json'];
    if (response.status !== 401 || attempt > 0) return { status: response.status, json };
  }
}

function reportApi(what: string, result: ApiResult, caller: string): void {
  if (result.status < 300) {
    say(
      `${what} as ${caller}: ${result.status}${result.json?.status ? ` · action ${result.json.status}` : ''}`,
    );
  } else {
    const error = result.json?.error;
    say(`${what} as ${caller}: ${result.status} ${error?.code ?? ''} — ${error?.message ?? ''}`, 'error');
  }
}

// ---- refresh ------------------------------------------------------------------------------------------

async function refresh(): Promise<void> {
  if (state.polling || state.waitingForToken) return;
  state.polling = true;
  try {
    if (!state.tenant) {
      const { tenants } = await control<{ tenants: TenantSummary[] }>('GET', 'tenants');
      state.tenant = tenants.find((t) => t.id === sessionStorage.getItem(TENANT_KEY)) ?? tenants[0];
      if (!state.tenant) {
        say('No tenant is seeded.', 'error');
        return;
      }
      fillTenants(tenants, state.tenant.id);
      fillCallers(state.tenant);
      const limits = await control<{ limits: Record<string, unknown> }>(
        'GET',
        `tenants/${state.tenant.id}/rate-limits`,
      );
      state.operations = Object.keys(limits.limits);
      fillOperations();
    }
    const tid = state.tenant.id;
    const [tenant, clock, events, callers, journal, faults] = await Promise.all([
      control<TenantSummary>('GET', `tenants/${tid}`),
      control<typeof state.clock>('GET', 'clock'),
      control<ActivityPage>('GET', `events?after=${state.latest}&tenantId=${tid}`),
      control<{ callers: CallerUsage[] }>('GET', `callers?tenantId=${tid}`),
      control<{ entries: JournalEntry[] }>('GET', 'journal?limit=300'),
      control<{ faults: typeof state.faults }>('GET', 'faults'),
    ]);
    state.tenant = tenant;
    state.clock = clock;
    takeEvents(events);
    state.callers = callers.callers;
    state.journal = journal.entries;
    state.faults = faults.faults;
    draw();
  } catch (error) {
    if (error instanceof TenantGone) state.tenant = undefined;
    else if (!(error instanceof ControlTokenNeeded))
      say(`Cannot reach the simulator: ${(error as Error).message}`, 'error');
  } finally {
    state.polling = false;
  }
}

function takeEvents(page: ActivityPage): void {
  if (page.generation !== state.generation) {
    state.generation = page.generation;
    state.actions.clear();
    if (state.latest !== 0) {
      state.latest = 0; // a reset: read the new generation from its start on the next poll
      return;
    }
  }
  for (const event of page.events) {
    const trail = state.actions.get(event.actionId) ?? [];
    trail.push(event);
    state.actions.set(event.actionId, trail);
  }
  state.latest = page.latest;
  // Map order is insertion order: forget the actions seen first.
  for (const id of state.actions.keys()) {
    if (state.actions.size <= MAX_ACTIONS) break;
    state.actions.delete(id);
  }
}

// ---- drawing ------------------------------------------------------------------------------------------

function draw(): void {
  const tenant = state.tenant!;
  $('tenant-name').textContent = tenant.displayName;
  $('clock-now').textContent = state.clock.now.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  $('clock-now').setAttribute('datetime', state.clock.now);
  $('clock-mode').textContent = state.clock.mode;
  $('clock-mode').dataset.mode = state.clock.mode;
  $('clock-toggle').textContent = state.clock.mode === 'frozen' ? 'Resume' : 'Freeze';
  drawFleet(tenant.machines);
  drawTimeline();
  drawCallers();
  drawJournal();
  drawFaults();
}

function machineMatches(machine: Machine, search: string, filter: string): boolean {
  const text = `${machine.computerDnsName} ${machine.osPlatform} ${machine.rbacGroupName} ${machine.id}`;
  if (search && !text.toLowerCase().includes(search)) return false;
  switch (filter) {
    case 'restricted':
      return machine.restricted;
    case 'unrestricted':
      return !machine.restricted;
    case 'isolated':
      return isIsolated(machine);
    case 'offline':
      return !machine.online;
    case 'failing':
      return machine.outcome === 'fail';
    default:
      return true;
  }
}

function drawFleet(machines: Machine[]): void {
  const search = $<HTMLInputElement>('fleet-search').value.trim().toLowerCase();
  const filter = $<HTMLSelectElement>('fleet-filter').value;
  const shown = machines.filter((m) => machineMatches(m, search, filter));
  const rows = shown.map((m) => {
    const name = escapeHtml(m.computerDnsName ?? m.id);
    const short = escapeHtml((m.computerDnsName ?? m.id).split('.')[0]);
    const active = [...state.actions.values()]
      .map((trail) => trail.at(-1)!)
      .filter((e) => e.machineId === m.id && ACTIVE.has(e.status));
    const health = m.healthStatus ?? 'unknown';
    const states = [
      `<span class="badge" data-tone="${m.online ? 'ok' : 'off'}">${m.online ? 'online' : 'offline'}</span>`,
      `<span class="badge" data-tone="${health === 'Active' ? 'ok' : 'warn'}" title="healthStatus">health: ${escapeHtml(health)}</span>`,
      m.restricted ? '<span class="badge" data-tone="warn">restricted</span>' : '',
      isIsolated(m) ? `<span class="badge" data-tone="bad">isolated (${escapeHtml(m.isolation)})</span>` : '',
      m.outcome === 'fail' ? '<span class="badge" data-tone="bad">actions fail</span>' : '',
      ...active.map(
        (e) =>
          `<span class="badge" data-status="${escapeHtml(e.status)}">${escapeHtml(e.type.replace('CodeExecution', ''))} ${escapeHtml(e.status)}</span>`,
      ),
    ].join(' ');
    const act = m.restricted
      ? `<button type="button" data-action="unrestrict" data-machine="${escapeHtml(m.id)}" data-key="unrestrict-${escapeHtml(m.id)}">Remove app restriction<span class="visually-hidden"> on ${short}</span></button>`
      : `<button type="button" data-action="restrict" data-machine="${escapeHtml(m.id)}" data-key="restrict-${escapeHtml(m.id)}">Restrict app execution<span class="visually-hidden"> on ${short}</span></button>`;
    const behaviour = m.online ? (m.outcome === 'fail' ? 'failing' : 'online') : 'offline';
    const options = ['online', 'offline', 'failing']
      .map((b) => `<option value="${b}"${b === behaviour ? ' selected' : ''}>${b}</option>`)
      .join('');
    return `<tr data-machine-row="${escapeHtml(m.id)}">
      <th scope="row" title="${name}&#10;${escapeHtml(m.id)}"><span class="name">${short}</span></th>
      <td>${escapeHtml(m.osPlatform)}<br><span class="muted small">${escapeHtml(m.rbacGroupName)}</span></td>
      <td class="states"><div>${states}</div></td>
      <td><div class="row-controls">${act}
        <select data-action="behaviour" data-machine="${escapeHtml(m.id)}" data-key="behaviour-${escapeHtml(m.id)}" aria-label="Behaviour of ${short}">${options}</select></div></td>
    </tr>`;
  });
  render($('fleet-rows'), rows.join('') || `<tr><td colspan="4" class="muted">No machine matches.</td></tr>`);
}

function drawTimeline(): void {
  const trails = [...state.actions.values()].sort((a, b) => {
    const last = (t: ActivityEvent[]) => t.at(-1)!;
    return last(b).time.localeCompare(last(a).time) || last(b).seq - last(a).seq;
  });
  const items = trails.slice(0, 60).map((trail) => {
    const first = trail[0]!;
    const last = trail.at(-1)!;
    const steps = trail
      .map(
        (e) =>
          `<li data-status="${escapeHtml(e.status)}"><span class="status-name">${escapeHtml(e.status)}</span> <time datetime="${escapeHtml(e.time)}">${shortTime(e.time)}</time></li>`,
      )
      .join('');
    const cancel = ACTIVE.has(last.status)
      ? `<button type="button" data-action="cancel" data-id="${escapeHtml(first.actionId)}" data-key="cancel-${escapeHtml(first.actionId)}">Cancel</button>`
      : '';
    return `<li class="action" data-action-id="${escapeHtml(first.actionId)}" data-final-status="${escapeHtml(last.status)}">
      <div class="action-head">
        <button type="button" class="link" data-action="show" data-id="${escapeHtml(first.actionId)}" data-key="show-${escapeHtml(first.actionId)}">
          <strong>${escapeHtml(first.type)}</strong> on ${escapeHtml((first.computerDnsName ?? '').split('.')[0])}
        </button>${cancel}
      </div>
      <ol class="steps" aria-label="Status history">${steps}</ol>
      <p class="muted small">by ${escapeHtml(first.requestor)}</p>
    </li>`;
  });
  render(
    $('timeline'),
    items.join('') || '<li class="muted">No action yet. Remove an app restriction in the fleet.</li>',
  );
}

const WINDOW_NAMES: Record<number, string> = { 60: 'minute', 3600: 'hour' };

function drawCallers(): void {
  const recent = new Map<string, JournalEntry[]>();
  for (const entry of state.journal) {
    if (!entry.clientId || entry.tenantId !== state.tenant?.id) continue;
    const list = recent.get(entry.clientId.toLowerCase()) ?? [];
    list.push(entry);
    recent.set(entry.clientId.toLowerCase(), list);
  }
  const cards = state.callers.map((caller) => {
    const throttled = caller.operations.reduce((n, op) => n + op.throttled, 0);
    const early = caller.operations.reduce((n, op) => n + op.earlyRetries, 0);
    const rows = caller.operations.map((op) => {
      const windows = op.windows.length
        ? op.windows
            .map((w) => {
              const percent = Math.min(100, Math.round((w.used / w.limit) * 100));
              const label = WINDOW_NAMES[w.windowSeconds] ?? `${w.windowSeconds} s`;
              const tone = w.remaining === 0 ? 'bad' : percent >= 80 ? 'warn' : 'ok';
              return `<div class="window"><span class="small">${label}: ${w.remaining} of ${w.limit} left</span>
                <div class="bar" role="meter" aria-label="${escapeHtml(op.operationId)} calls this ${label}" aria-valuemin="0" aria-valuemax="${w.limit}" aria-valuenow="${w.used}" data-tone="${tone}"><span data-percent="${percent}"></span></div></div>`;
            })
            .join('')
        : '<span class="muted small">quotas off</span>';
      return `<tr><th scope="row"><code>${escapeHtml(op.operationId)}</code></th><td class="windows">${windows}</td>
        <td class="num" data-tone="${op.throttled ? 'bad' : ''}">${op.throttled}</td><td class="num" data-tone="${op.earlyRetries ? 'warn' : ''}">${op.earlyRetries}</td><td class="num">${op.honouredRetries}</td></tr>`;
    });
    const strip = (recent.get(caller.clientId.toLowerCase()) ?? [])
      .slice(-80)
      .map(
        (e) =>
          `<span data-code="${e.status === 429 ? '429' : e.status >= 500 || e.status === 0 ? '5xx' : e.status >= 400 ? '4xx' : '2xx'}" title="${e.status} ${escapeHtml(e.operation)}"></span>`,
      )
      .join('');
    return `<article class="caller-card${throttled ? ' storm' : ''}" data-client-id="${escapeHtml(caller.clientId)}">
      <h3>${escapeHtml(caller.displayName ?? caller.clientId)} ${throttled ? `<span class="badge" data-tone="bad">${throttled} × 429</span>` : ''} ${early ? `<span class="badge" data-tone="warn">${early} early ${early === 1 ? 'retry' : 'retries'}</span>` : ''}</h3>
      <div class="strip" aria-hidden="true">${strip}</div>
      <table class="compact"><thead><tr><th scope="col">Operation</th><th scope="col">Budget left</th><th scope="col">429s</th><th scope="col">Early retries</th><th scope="col">Honoured</th></tr></thead><tbody>${rows.join('')}</tbody></table>
    </article>`;
  });
  render($('callers'), cards.join('') || '<p class="muted">No API call yet.</p>');
}

function statusMatches(entry: JournalEntry, filter: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case '2xx':
      return entry.status >= 200 && entry.status < 300;
    case '4xx':
      return entry.status >= 400 && entry.status < 500;
    case '5xx':
      return entry.status >= 500 || entry.status === 0;
    case 'fault':
      return entry.fault !== undefined;
    default:
      return String(entry.status) === filter;
  }
}

function callerName(clientId: string | undefined): string {
  if (!clientId) return '—';
  const app = state.tenant?.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  return app?.displayName ?? clientId;
}

function drawJournal(): void {
  const callerSelect = $<HTMLSelectElement>('journal-caller');
  const known = new Set([...callerSelect.options].map((o) => o.value));
  for (const entry of state.journal) {
    if (entry.clientId && !known.has(entry.clientId)) {
      known.add(entry.clientId);
      callerSelect.add(new Option(callerName(entry.clientId), entry.clientId));
    }
  }
  const statusFilter = $<HTMLSelectElement>('journal-status').value;
  const callerFilter = callerSelect.value;
  const rows = state.journal
    .filter((e) => statusMatches(e, statusFilter) && (callerFilter === 'all' || e.clientId === callerFilter))
    .slice(-200)
    .reverse()
    .map((e) => {
      const tone =
        e.status === 429
          ? 'bad'
          : e.status >= 500 || e.status === 0
            ? 'bad'
            : e.status >= 400
              ? 'warn'
              : 'ok';
      const fault = e.fault
        ? `<span class="badge" data-tone="bad">${escapeHtml(e.fault.kind)} · ${escapeHtml(e.fault.planId)}</span>`
        : '';
      const early = e.earlyRetry
        ? `<span class="badge" data-tone="warn">early by ${(e.earlyRetry.earlyByMs / 1000).toFixed(1)} s</span>`
        : '';
      const query = e.query ? `?${e.query}` : '';
      return `<tr data-status="${e.status}"><td><time datetime="${escapeHtml(e.time)}">${shortTime(e.time)}</time></td><td>${escapeHtml(callerName(e.clientId))}</td>
        <td><code>${escapeHtml(e.method)} ${escapeHtml(e.path)}${escapeHtml(query)}</code></td>
        <td><span class="badge" data-tone="${tone}">${e.status === 0 ? 'dropped' : e.status}</span></td><td>${escapeHtml(e.errorCode ?? '')}</td><td>${fault} ${early}</td></tr>`;
    });
  render(
    $('journal-rows'),
    rows.join('') || '<tr><td colspan="6" class="muted">Nothing journaled yet.</td></tr>',
  );
}

function drawFaults(): void {
  const items = state.faults.map((f) => {
    const effect = f.effect.kind === 'status' ? `answers ${f.effect.status}` : f.effect.kind;
    const left =
      f.count === undefined
        ? ` (${Math.round((f.probability ?? 0) * 100)} %)`
        : `, ${f.count - f.fired} of ${f.count} left`;
    return `<li><span>${escapeHtml(f.match?.operationId ?? 'any operation')} ${escapeHtml(effect)}${escapeHtml(left)}</span>
      <button type="button" data-action="remove-fault" data-id="${escapeHtml(f.id)}" data-key="fault-${escapeHtml(f.id)}">Remove<span class="visually-hidden"> fault ${escapeHtml(f.id)}</span></button></li>`;
  });
  render($('fault-list'), items.join('') || '<li class="muted">No fault injected.</li>');
}

/** The tenant picker appears only when the simulator has more than one tenant. */
function fillTenants(tenants: TenantSummary[], chosen: string): void {
  const select = $<HTMLSelectElement>('tenant-select');
  select.innerHTML = '';
  for (const tenant of tenants)
    select.add(new Option(tenant.displayName, tenant.id, false, tenant.id === chosen));
  $('tenant-picker').hidden = tenants.length < 2;
}

/** Starts over on another tenant: its fleet, actions, callers and tokens. */
function switchTenant(tenantId: string): void {
  sessionStorage.setItem(TENANT_KEY, tenantId);
  state.tenant = undefined;
  state.actions.clear();
  state.latest = 0;
  state.tokens.clear();
  guard(refresh());
}

function fillCallers(tenant: TenantSummary): void {
  const select = $<HTMLSelectElement>('act-as');
  select.innerHTML = '';
  for (const app of tenant.apps.filter((a) => !a.isPublicClient)) {
    const option = new Option(
      `${app.displayName} (app${app.roles.includes('Machine.RestrictExecution') ? '' : ', no RestrictExecution role'})`,
    );
    option.dataset.clientId = app.clientId;
    select.add(option);
  }
  const publicClient = tenant.apps.find((a) => a.isPublicClient && a.delegatedScopes.length > 0);
  if (publicClient) {
    for (const user of tenant.users) {
      const option = new Option(`${user.displayName} (user via ${publicClient.displayName})`);
      option.dataset.clientId = publicClient.clientId;
      option.dataset.user = user.userPrincipalName;
      select.add(option);
    }
  }
}

function fillOperations(): void {
  const select = $<HTMLSelectElement>('fault-operation');
  select.length = 1; // keep "any operation"

  for (const operationId of state.operations) select.add(new Option(operationId, operationId));
}

// ---- actions ------------------------------------------------------------------------------------------

async function act(button: HTMLElement): Promise<void> {
  const { action, machine, id } = button.dataset;
  const caller = chosenCaller()?.label ?? '';
  switch (action) {
    case 'unrestrict':
    case 'restrict': {
      const path = `machines/${machine}/${action}CodeExecution`;
      const comment =
        action === 'unrestrict'
          ? 'Machine cleaned and validated (mde-sim page)'
          : 'Suspicious activity (mde-sim page)';
      reportApi(
        action === 'unrestrict' ? 'Remove app restriction' : 'Restrict app execution',
        await api('POST', path, { Comment: comment }),
        caller,
      );
      break;
    }
    case 'cancel':
      reportApi(
        'Cancel',
        await api('POST', `machineactions/${id}/cancel`, { Comment: 'Cancelled from the mde-sim page' }),
        caller,
      );
      break;
    case 'show':
      await showAction(id ?? '');
      return;
    case 'clock-toggle':
      await control('POST', 'clock', { mode: state.clock.mode === 'frozen' ? 'running' : 'frozen' });
      say(
        state.clock.mode === 'frozen' ? 'Clock running.' : 'Clock frozen: it moves only when you advance it.',
      );
      break;
    case 'advance':
      await control('POST', 'clock', { advanceMs: Number(button.dataset.ms) });
      say(`Clock advanced by ${button.textContent?.replace('+', '')}`);
      break;
    case 'reset':
      if (!confirm('Reset the simulator to its seed? Actions, quotas, faults and the journal are cleared.'))
        return;
      await control('POST', 'reset');
      state.tokens.clear();
      say('Simulator reset to its seed.');
      break;
    case 'remove-fault':
      await control('DELETE', `faults/${encodeURIComponent(id ?? '')}`);
      break;
    case 'storm':
      await storm();
      break;
  }
  await refresh();
}

async function storm(): Promise<void> {
  const machine = state.tenant?.machines[0];
  if (!machine) return;
  const label = chosenCaller()?.label;
  const token = await callerToken();
  const statuses = await Promise.all(
    Array.from({ length: 120 }, () =>
      fetch(`api/machines/${machine.id}`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      ),
    ),
  );
  const count = (s: number) => statuses.filter((x) => x === s).length;
  say(
    `120 calls as ${label}: ${count(200)} × 200, ${count(429)} × 429, ${statuses.length - count(200) - count(429)} other`,
    count(429) ? 'error' : 'ok',
  );
}

async function showAction(id: string): Promise<void> {
  const caller = chosenCaller()?.label ?? '';
  const result = await api('GET', `machineactions/${id}`);
  if (result.status !== 200) reportApi('Read the action', result, caller);
  $('action-dialog-source').textContent = `GET /api/machineactions/${id} as ${caller}: ${result.status}`;
  $('action-json').textContent = JSON.stringify(result.json, null, 2);
  $<HTMLDialogElement>('action-dialog').showModal();
}

async function changeBehaviour(select: HTMLSelectElement): Promise<void> {
  const change = {
    online: { online: true, outcome: 'succeed' },
    offline: { online: false },
    failing: { online: true, outcome: 'fail' },
  }[select.value as 'online' | 'offline' | 'failing'];
  await control('PATCH', `tenants/${state.tenant!.id}/machines/${select.dataset.machine}`, change);
  say(`Machine set ${select.value}.`);
  await refresh();
}

async function injectFault(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const operationId = $<HTMLSelectElement>('fault-operation').value;
  const kind = $<HTMLSelectElement>('fault-effect').value;
  const count = Number($<HTMLInputElement>('fault-count').value) || 1;
  const effect =
    kind === 'latency'
      ? { kind: 'latency', delayMs: 3000 }
      : kind === 'drop'
        ? { kind: 'drop' }
        : { kind: 'status', status: Number(kind), ...(kind === '429' ? { retryAfterSeconds: 10 } : {}) };
  const plan = await control<{ id: string }>('POST', 'faults', {
    ...(operationId ? { match: { operationId } } : {}),
    effect,
    count,
  });
  say(`Fault ${plan.id} injected: the next ${count} matching calls.`);
  await refresh();
}

function guard(work: Promise<void>): void {
  work.catch((error: unknown) => {
    if (!(error instanceof ControlTokenNeeded)) say((error as Error).message, 'error');
  });
}

document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLElement>('button[data-action]');
  if (button) guard(act(button));
});
document.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target instanceof HTMLSelectElement && target.dataset.action === 'behaviour')
    guard(changeBehaviour(target));
  if (target.id === 'fleet-filter' || target.id.startsWith('journal-')) draw();
  if (target instanceof HTMLSelectElement && target.id === 'tenant-select') switchTenant(target.value);
});
$('fleet-search').addEventListener('input', () => state.tenant && drawFleet(state.tenant.machines));
$('fault-form').addEventListener('submit', (event) => guard(injectFault(event)));
$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $<HTMLInputElement>('control-token').value.trim());
  $<HTMLDialogElement>('token-dialog').close();
  state.waitingForToken = false;
  guard(refresh());
});

guard(refresh());
setInterval(() => {
  if (!document.hidden) guard(refresh());
}, POLL_MS);
