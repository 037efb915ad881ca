/**
 * `npm test`: lint and type checks, then the vitest suites in order (unit and integration, consumer
 * contracts, provider contracts), each with its usual output, and one closing line that adds them up:
 * `N passed, N failed, N skipped`. The skipped tests are listed above it (their titles say why). Exits 1 if
 * anything failed; a failing lint or type check stops the run and counts as one failure.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface VitestJson {
  numFailedTests: number;
  numPassedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

const root = new URL('..', import.meta.url).pathname;
const checks: [string, string[]][] = [
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
];
const suites: [string, string[]][] = [
  ['unit and integration', []],
  ['consumer contracts', ['-c', 'contracts/vitest.consumer.config.ts']],
  ['provider contracts', ['-c', 'contracts/vitest.provider.config.ts']],
];

let passed = 0;
let failed = 0;
const skipped: string[] = [];

function finish(): never {
  for (const title of skipped) process.stdout.write(`skipped: ${title}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
  process.exit(failed > 0 ? 1 : 0);
}

for (const [name, [command, ...args]] of checks) {
  const run = spawnSync(command as string, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stdout.write(`\nnpm test: ${name} failed (output above); the test suites did not run.\n`);
    failed++;
    finish();
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'mde-sim-test-'));
try {
  for (const [name, configArgs] of suites) {
    const report = join(outDir, `${suites.findIndex(([n]) => n === name)}.json`);
    // This Node (the project's), whatever `node` the PATH holds.
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        ...configArgs,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    let result: VitestJson | undefined;
    try {
      result = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
    } catch {
      result = undefined;
    }
    if (result === undefined) {
      process.stdout.write(`\nnpm test: the ${name} suite wrote no report (exit ${run.status}).\n`);
      failed++;
      continue;
    }
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    // A file that fails to load, or an error outside any test, fails the run without failing a test.
    const brokenFiles = result.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
    ).length;
    failed += brokenFiles;
    if (run.status !== 0 && result.numFailedTests === 0 && brokenFiles === 0) failed++;
    for (const file of result.testResults) {
      for (const test of file.assertionResults) {
        if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
          skipped.push(test.fullName);
        }
      }
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
finish();
