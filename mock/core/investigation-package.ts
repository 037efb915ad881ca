/**
 * @module
 * Investigation packages: the link getPackageUri hands out and the download behind it. The service's link
 * points at `userrequests-us.securitycenter.windows.com/safedownload/WDATP_Investigation_Package.zip?token=…`
 * (D5); the simulator serves the same path on the listener that was called, with a real zip built by fflate
 * from the machine and the action (folders as the portal page describes them, D14). A link is refused after
 * {@link PACKAGE_LINK_LIFETIME_MS} the way Azure Storage refuses an expired signature (403
 * `AuthenticationFailed`, XML body), since the docs only say the link is "valid for a short time".
 */
import { strToU8, zipSync } from 'fflate';
import type { RandomSource } from './random.ts';
import type { StoredAction, TenantState } from './tenant-state.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';
import type { SimRequest, SimResponse } from './types.ts';

/** How long a package link works (inferred: "valid for a short time and should be used immediately"). */
export const PACKAGE_LINK_LIFETIME_MS = 10 * 60 * 1000;

/** The download path (D5's example URL). */
export const PACKAGE_DOWNLOAD_PATH = '/safedownload/WDATP_Investigation_Package.zip';

/** The link to a package on the listener at `origin`. */
export function packageDownloadUrl(origin: string, token: string): string {
  return `${origin}${PACKAGE_DOWNLOAD_PATH}?token=${token}`;
}

/** Whether a request is for the package download path (any casing, as the router treats API paths). */
export function isPackageDownload(path: string): boolean {
  return path.toLowerCase() === PACKAGE_DOWNLOAD_PATH.toLowerCase();
}

/** What the download needs from the simulator. */
export interface PackageDownloadDeps {
  tenants(): Iterable<TenantState>;
  now(): number;
  random: RandomSource;
}

/** Answers `GET /safedownload/WDATP_Investigation_Package.zip?token=…`. */
export function downloadPackage(deps: PackageDownloadDeps, request: SimRequest): SimResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return storageError(
      deps,
      405,
      'UnsupportedHttpVerb',
      "The resource doesn't support specified Http Verb.",
    );
  }
  const token = new URLSearchParams(request.query).get('token') ?? '';
  const now = deps.now();
  for (const tenant of deps.tenants()) {
    const link = tenant.packageLink(token);
    if (!link) continue;
    if (now > link.expiresAtMs) {
      const start = link.expiresAtMs - PACKAGE_LINK_LIFETIME_MS;
      return authenticationFailed(
        deps,
        `Signature not valid in the specified time frame: Start [${httpDate(start)}] - Expiry [${httpDate(link.expiresAtMs)}] - Current [${httpDate(now)}]`,
      );
    }
    tenant.settle(now);
    const action = tenant.action(link.actionId);
    // Retention dropped the action: the blob is gone.
    if (!action) return storageError(deps, 404, 'BlobNotFound', 'The specified blob does not exist.');
    const zip = packageZip(tenant, action);
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-length': String(zip.length),
        'last-modified': httpDate(parseTimestamp(action.lastUpdateDateTimeUtc)),
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-request-id': deps.random.uuid(),
        'x-ms-version': '2021-08-06',
      },
      body: '',
      ...(request.method === 'HEAD' ? {} : { bytes: zip }),
    };
  }
  return authenticationFailed(deps, 'Signature did not match.');
}

/** The package of a CollectInvestigationPackage action: a real zip, the same bytes on every download. */
export function packageZip(tenant: TenantState, action: StoredAction): Uint8Array {
  const machine = tenant.machine(action.machineId ?? '')?.entity;
  const name = action.computerDnsName ?? action.machineId ?? 'unknown';
  const collectedAt = action.lastUpdateDateTimeUtc;
  const mtime = new Date(Math.floor(parseTimestamp(collectedAt)));
  const text = (lines: string[]): [Uint8Array, { mtime: Date }] => [
    strToU8(`${lines.join('\r\n')}\r\n`),
    { mtime },
  ];
  const addresses =
    machine?.ipAddresses.map(
      (a) => `${a.ipAddress}\t${a.macAddress ?? ''}\t${a.type}\t${a.operationalStatus}`,
    ) ?? [];
  return zipSync(
    {
      'CollectionSummaryReport.txt': text([
        'Microsoft Defender for Endpoint investigation package (simulated by mde-sim)',
        `Device: ${name}`,
        `Device id: ${action.machineId ?? ''}`,
        `Machine action: ${action.id}`,
        `Requested by: ${action.requestor}`,
        `Comment: ${action.requestorComment}`,
        `Collected: ${collectedAt}`,
      ]),
      'System Information/SystemInformation.txt': text([
        `Host Name: ${name}`,
        `OS Platform: ${machine?.osPlatform ?? ''}`,
        `OS Version: ${machine?.version ?? ''} (build ${machine?.osBuild ?? ''})`,
        `OS Architecture: ${machine?.osArchitecture ?? ''}`,
        `Sensor version: ${machine?.agentVersion ?? ''}`,
        `First seen: ${machine?.firstSeen ?? ''}`,
        `Last seen: ${machine?.lastSeen ?? ''}`,
      ]),
      'Network connections/ipconfig.txt': text(['IP Address\tMAC Address\tType\tStatus', ...addresses]),
      'Processes/Processes.csv': text([
        '"Name","Id","Path"',
        '"System","4",""',
        '"svchost.exe","1124","C:\\Windows\\System32\\svchost.exe"',
      ]),
      'Autoruns/Run.txt': text([
        'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
        'SecurityHealth\t%windir%\\system32\\SecurityHealthSystray.exe',
      ]),
      'Installed programs/InstalledPrograms.csv': text([
        '"Name","Version","Publisher"',
        '"Microsoft Edge","131.0.2903.70","Microsoft Corporation"',
      ]),
      'Users and Groups/Users.txt': text(['Administrator', 'DefaultAccount', 'Guest']),
    },
    { level: 6, mtime },
  );
}

function authenticationFailed(deps: PackageDownloadDeps, detail: string): SimResponse {
  return storageError(
    deps,
    403,
    'AuthenticationFailed',
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    detail,
  );
}

/** Azure Storage's error answer: XML, `x-ms-error-code`, a request id and the time in the message. */
function storageError(
  deps: PackageDownloadDeps,
  status: number,
  code: string,
  message: string,
  detail?: string,
): SimResponse {
  const requestId = deps.random.uuid();
  const time = formatTimestamp(deps.now());
  const body =
    `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\n` +
    `RequestId:${requestId}\nTime:${time}</Message>` +
    `${detail === undefined ? '' : `<AuthenticationErrorDetail>${detail}</AuthenticationErrorDetail>`}</Error>`;
  return {
    status,
    headers: {
      'content-type': 'application/xml',
      'x-ms-error-code': code,
      'x-ms-request-id': requestId,
      'x-ms-version': '2021-08-06',
    },
    body,
  };
}

/** `Tue, 01 Dec 2026 02:20:00 GMT` */
function httpDate(ms: number): string {
  return new Date(Math.floor(ms)).toUTCString();
}
