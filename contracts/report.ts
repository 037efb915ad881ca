/**
 * The verdict report shared by the simulator and live verifications: one line per interaction, under a
 * failure its mismatches in plain words (where, expected, actual), then a closing summary. Colour only
 * on a terminal that accepts it (node:util styleText checks the stream and NO_COLOR / FORCE_COLOR).
 * @module
 */
import { styleText } from 'node:util';
import type { Mismatch } from './pact-mismatches.ts';

export type { Mismatch } from './pact-mismatches.ts';

/** The verdict on one interaction. */
export interface InteractionResult {
  /** The pact file the interaction comes from. */
  pactFile: string;
  /** The pact's consumer name. */
  consumer?: string;
  description: string;
  /** The provider states it names. */
  states: string[];
  outcome: 'verified' | 'failed' | 'skipped';
  /** A pending interaction: its failure is reported but does not fail the run. */
  pending?: boolean;
  /** Why it failed or was skipped, in one line. */
  reason?: string;
  /** What differed, when the provider answered otherwise than the pact expects. */
  mismatches?: Mismatch[];
}

/** Counts of a run; `failed` excludes pending failures, which never fail a run. */
export interface ReportSummary {
  verified: number;
  failed: number;
  pendingFailed: number;
  skipped: number;
}

/** Counts the verdicts. */
export function summarize(results: readonly InteractionResult[]): ReportSummary {
  const summary: ReportSummary = { verified: 0, failed: 0, pendingFailed: 0, skipped: 0 };
  for (const r of results) {
    if (r.outcome === 'verified') summary.verified += 1;
    else if (r.outcome === 'skipped') summary.skipped += 1;
    else if (r.pending === true) summary.pendingFailed += 1;
    else summary.failed += 1;
  }
  return summary;
}

/** True when a result fails the run (a failure that is not pending). */
export function failsRun(result: InteractionResult): boolean {
  return result.outcome === 'failed' && result.pending !== true;
}

/** The verdict word of a line: `VERIFIED`, `FAILED`, `FAILED (pending)`, `SKIPPED`. */
export function verdictLabel(result: InteractionResult): string {
  if (result.outcome === 'failed' && result.pending === true) return 'FAILED (pending)';
  return result.outcome.toUpperCase();
}

/** Options of {@link formatReport}. */
export interface FormatOptions {
  /** The stream the report goes to: colours are used only if it is a terminal that accepts them. */
  stream?: NodeJS.WritableStream;
}

function paint(
  format: Parameters<typeof styleText>[0],
  text: string,
  stream: NodeJS.WritableStream | undefined,
): string {
  if (stream === undefined) return text;
  return styleText(format, text, { stream: stream as NodeJS.WriteStream });
}

/** `  VERIFIED <description>` / `  SKIPPED <description> — <reason>` lines, mismatches, then the summary. */
export function formatReport(results: readonly InteractionResult[], options: FormatOptions = {}): string {
  const { stream } = options;
  const lines: string[] = [];
  for (const r of results) {
    const label = verdictLabel(r);
    const colour = r.outcome === 'verified' ? 'green' : r.outcome === 'skipped' ? 'yellow' : 'red';
    const reason = r.reason !== undefined && r.outcome !== 'verified' ? ` — ${r.reason}` : '';
    lines.push(
      `  ${paint(colour, label, stream)}${' '.repeat(Math.max(1, 9 - label.length))}${r.description}${reason}`,
    );
    for (const m of r.mismatches ?? []) lines.push(`      ${formatMismatch(m)}`);
  }
  const s = summarize(results);
  const parts = [`${s.verified} verified`, `${s.skipped} skipped`, `${s.failed} failed`];
  if (s.pendingFailed > 0) parts.push(`${s.pendingFailed} failed but pending (not failing the run)`);
  lines.push(parts.join(', '));
  return lines.join('\n');
}

/** `body $.error.code: expected "Conflict", got "ActiveRequestAlreadyExists"`. */
export function formatMismatch(m: Mismatch): string {
  const note = m.note === undefined ? '' : ` (${m.note})`;
  if (m.expected === '' && m.actual === '') return `${m.where}: ${m.note ?? 'differs'}`;
  return `${m.where}: expected ${m.expected}, got ${m.actual}${note}`;
}
