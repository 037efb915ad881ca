/**
 * Vitest global set-up of the consumer run. Before: pact merges new interactions into an existing file,
 * so the checked-in pact is removed and rebuilt from exactly the interactions the tests declare.
 * After: with PACT_BROKER_BASE_URL set (CI), the fresh pacts are published; otherwise nothing leaves the machine.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { brokerSettingsFromEnv, publishPacts } from '../broker.ts';
import { consumerName, pactsDir, providerName } from '../pact-files.ts';

export default async function pactFileLifecycle(): Promise<() => Promise<void>> {
  await rm(join(pactsDir, `${consumerName}-${providerName}.json`), { force: true });
  return async () => {
    const broker = brokerSettingsFromEnv(process.env);
    if (broker !== undefined) await publishPacts(broker);
  };
}
