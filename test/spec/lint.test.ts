/**
 * `redocly lint` with the project's config must pass with zero errors.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../scripts/generate-sources.ts';

const require = createRequire(import.meta.url);
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

it.each([
  ['openapi/defender-machine-actions.yaml', 'openapi/redocly.yaml'],
  ['openapi/mde-sim-control.yaml', 'openapi/redocly-control.yaml'],
])('redocly lint reports zero errors and warnings in %s', { timeout: 15_000 }, (document, config) => {
  const result = spawnSync(
    process.execPath,
    [redoclyCli, 'lint', '--config', config, document, '--format=json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 14_000,
      // No telemetry or update check: the test must not touch the network.
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
    },
  );
  const report = result.stdout ? JSON.parse(result.stdout) : undefined;
  const problems = JSON.stringify(report?.problems ?? result.stderr, null, 2);
  expect(report?.totals?.errors, problems).toBe(0);
  expect(report?.totals?.warnings, problems).toBe(0);
  expect(result.status, problems).toBe(0);
});
