/**
 * The coverage half of a conformance test: every status an OpenAPI document declares for an operation was
 * produced by some scenario, and no scenario produced an undeclared one.
 */
import { expect } from 'vitest';

export function expectDeclaredStatusesProduced(
  operations: readonly { operationId?: string; responses?: object }[],
  produced: readonly { operationId: string; response: { status: number } }[],
): void {
  for (const operation of operations) {
    const declared = Object.keys(operation.responses ?? {}).sort();
    const seen = [
      ...new Set(
        produced.filter((p) => p.operationId === operation.operationId).map((p) => String(p.response.status)),
      ),
    ].sort();
    expect(seen, operation.operationId).toEqual(declared);
  }
}
