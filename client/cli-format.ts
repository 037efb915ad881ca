/**
 * Human-readable rendering of API results for the `mde` CLI (the `--json` mode prints the wire JSON instead).
 * @module
 */
import type { Machine, MachineAction, MachineActionCollection, MachineCollection } from '../openapi/index.ts';
import { DefenderApiError } from './errors.ts';

function rows(pairs: Array<[string, string | number | null | undefined]>): string {
  const shown = pairs.filter(([, value]) => value !== null && value !== undefined && value !== '');
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** A machine action as a short block. */
export function formatAction(action: MachineAction): string {
  const machine = action.computerDnsName
    ? `${action.machineId} (${action.computerDnsName})`
    : action.machineId;
  return `${action.type} ${action.id}: ${action.status}\n${rows([
    ['machine', machine],
    ['requestor', action.requestor],
    ['comment', action.requestorComment],
    ['scope', action.scope],
    [
      'file',
      action.relatedFileInfo
        ? `${action.relatedFileInfo.fileIdentifierType} ${action.relatedFileInfo.fileIdentifier}`
        : undefined,
    ],
    ['created', action.creationDateTimeUtc],
    ['updated', action.lastUpdateDateTimeUtc],
    ['cancelled by', action.cancellationRequestor],
    ['cancel note', action.cancellationComment],
    ['error HRESULT', action.errorHResult === 0 ? undefined : action.errorHResult],
  ])}\n`;
}

/** A page of machine actions as one line per action. */
export function formatActionList(collection: MachineActionCollection): string {
  if (collection.value.length === 0) return 'No machine actions.\n';
  const lines = collection.value.map(
    (a) => `${a.id}  ${a.type.padEnd(24)}  ${a.status.padEnd(10)}  ${a.creationDateTimeUtc}  ${a.machineId}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Machines, one line each: id, name, health, onboarding, risk, OS. */
export function formatMachineList(collection: MachineCollection): string {
  if (collection.value.length === 0) return 'No machines.\n';
  const lines = collection.value.map(
    (m) =>
      `${m.id}  ${(m.computerDnsName ?? '').padEnd(36)}  ${m.healthStatus.padEnd(13)}  ${m.onboardingStatus.padEnd(14)}  ${m.riskScore.padEnd(13)}  ${m.osPlatform ?? ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** A machine as a short block. */
export function formatMachine(machine: Machine): string {
  return `${machine.computerDnsName ?? machine.id}\n${rows([
    ['id', machine.id],
    ['os', `${machine.osPlatform ?? ''} ${machine.version ?? ''}`.trim()],
    ['health', machine.healthStatus],
    ['last seen', machine.lastSeen],
    ['last ip', machine.lastIpAddress],
    ['risk', machine.riskScore],
    ['exposure', machine.exposureLevel],
    ['group', machine.rbacGroupName],
  ])}\n`;
}

/** The JSON error printed on stderr in `--json` mode. */
export function errorJson(error: unknown, exitCode: number): string {
  if (error instanceof DefenderApiError) {
    return JSON.stringify({
      error: {
        code: error.code,
        name: error.name,
        message: error.message,
        status: error.status,
        mdeCode: error.mdeCode,
        target: error.target,
        requestId: error.requestId,
        exitCode,
      },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return JSON.stringify({ error: { code: exitCode === 2 ? 'USAGE' : 'INTERNAL', message, exitCode } });
}
