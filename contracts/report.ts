/**
 * The verdict report shared by the simulator and live verifications: one line per interaction, then totals.
 * @module
 */

/** The verdict on one interaction. */
export interface InteractionResult {
  /** The pact file the interaction comes from. */
  pactFile: string;
  description: string;
  /** The provider states it names. */
  states: string[];
  outcome: 'verified' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason?: string;
}

/** `VERIFIED <description>` / `SKIPPED <description> — <reason>` lines, then `n verified, n skipped, n failed`. */
export function formatReport(results: readonly InteractionResult[]): string {
  const lines = results.map((r) => {
    const verdict = r.outcome.toUpperCase().padEnd(8);
    return `  ${verdict} ${r.description}${r.reason ? ` — ${r.reason}` : ''}`;
  });
  const count = (o: InteractionResult['outcome']) => results.filter((r) => r.outcome === o).length;
  lines.push(`${count('verified')} verified, ${count('skipped')} skipped, ${count('failed')} failed`);
  return lines.join('\n');
}
