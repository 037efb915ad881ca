/**
 * The README cannot drift: every fenced shell block runs as printed (in bash, from the clone, with the
 * machine's own `node` first on the PATH, as a user after `npm ci` has it) against a simulator this test
 * starts, and every TypeScript snippet type-checks against the package's entry points.
 *
 * Only two things are adapted, and both are said here: the ports (the README's 5080 and 5443 become the
 * test simulator's free ports; a block that starts its own server gets port 0 for every port) and the simulator's lifecycle (an action ends in about half a second instead
 * of 20 s, so `--wait` finishes quickly). A block that starts a server runs until its ready line. A block
 * that cannot run in a test starts with `# not run by the README test: <reason>` (a TypeScript snippet with
 * `// not type-checked by the README test: <reason>`) and is listed as skipped with that reason.
 */
import { type ExecFileException, execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedSimulator, startUntilReady } from '../helpers/ready-line.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block {
  language: string;
  line: number;
  text: string;
  /** Why the block is not run or checked, from its first line. */
  skipReason: string | undefined;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match !== null; match = fence.exec(markdown)) {
    const text = match[2] as string;
    const firstLine = text.split('\n')[0] ?? '';
    blocks.push({
      language: match[1] as string,
      line: markdown.slice(0, match.index).split('\n').length,
      text,
      skipReason: /^(?:#|\/\/) not (?:run|type-checked) by the README test: (.+)$/.exec(firstLine)?.[1],
    });
  }
  return blocks;
}

const blocks = fencedBlocks(readme);
const shellBlocks = blocks.filter((b) => ['sh', 'bash', 'shell'].includes(b.language));
const tsBlocks = blocks.filter((b) => b.language === 'ts');

/** A block that starts a server: one command, `npm start` or `... serve` without --help. */
function startsServer(block: Block): boolean {
  const commands = block.text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return (
    commands.length === 1 &&
    /(^npm start\b|\bserve\b)/.test(commands[0] as string) &&
    !/--help/.test(commands[0] as string)
  );
}

/** The user's shell: the machine's `node` (not this clone's node_modules/.bin) and no npm-script variables. */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env)
    .filter(([key]) => !key.startsWith('npm_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS')
    .map(([key, value]) =>
      key === 'PATH'
        ? [
            key,
            (value ?? '')
              .split(delimiter)
              .filter((dir) => !dir.includes('node_modules'))
              .join(delimiter),
          ]
        : [key, value],
    ),
);

const work = mkdtempSync(join(tmpdir(), 'mde-sim-readme-'));
let sim: StartedSimulator;
let env: NodeJS.ProcessEnv;

/**
 * Tests bind free ports only: in a block that starts its own server, every port flag (--port 5080,
 * --proxy-port 5888...) becomes 0, and the HTTP and HTTPS ports are set to 0 when the block leaves them
 * at their defaults.
 */
function onFreePorts(text: string): string {
  const command = (text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '')
    .replace(/\s+#.*$/, '')
    .replace(/(--[a-z-]*port) \d+/g, '$1 0');
  const missing = ['--port', '--https-port'].filter((flag) => !new RegExp(`${flag} 0`).test(command));
  const separator = /^npm start\b/.test(command) && !command.includes(' -- ') ? ' --' : '';
  return missing.length === 0 ? command : `${command}${separator} ${missing.map((f) => `${f} 0`).join(' ')}`;
}

function withTestPorts(text: string): string {
  const http = new URL(sim.ready.url).host;
  const https = new URL(sim.ready.httpsUrl as string).host;
  return text.replaceAll('127.0.0.1:5080', http).replaceAll('127.0.0.1:5443', https);
}

function bash(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-euo', 'pipefail', '-c', script],
      { cwd: root, env, timeout: 60_000 },
      (error: ExecFileException | null, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  const stateDir = join(work, 'state');
  const config = join(work, 'config.json');
  writeFileSync(config, JSON.stringify({ lifecycle: { pickupDelayMs: 200, executionMs: 300 } }));
  sim = await startUntilReady(
    process.execPath,
    [
      'mock/server/cli.ts',
      'serve',
      '--port',
      '0',
      '--https-port',
      '0',
      '--state-dir',
      stateDir,
      '--config',
      config,
      '--log-level',
      'warn',
    ],
    { cwd: root },
  );
  // `mde-sim ca` in a block finds the test simulator's CA through the state directory's variable.
  env = { ...userEnv, MDE_SIM_STATE_DIR: stateDir };
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('README shell blocks run as printed', { timeout: 60_000 }, () => {
  it('finds the blocks', () => {
    expect(shellBlocks.length).toBeGreaterThan(6);
    expect(userEnv.PATH?.includes('node_modules')).toBe(false);
  });

  for (const block of shellBlocks) {
    const first = block.text.split('\n').find((line) => !line.startsWith('#')) ?? '';
    const title = `README line ${block.line}: ${first.slice(0, 70)}`;
    if (block.skipReason !== undefined) {
      it.skip(`${title} (skipped: ${block.skipReason})`, () => {});
      continue;
    }
    if (startsServer(block)) {
      it(`${title} (to the ready line)`, async () => {
        const command = onFreePorts(block.text);
        const server = await startUntilReady('bash', ['-c', command], {
          cwd: root,
          env,
          detached: true,
        });
        await server.stop();
        expect(server.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      });
      continue;
    }
    it(title, async () => {
      // Each block starts from the seeded tenant, as on a fresh `npm start`.
      await fetch(`${sim.ready.controlUrl}/reset`, { method: 'POST' });
      const run = await bash(withTestPorts(block.text));
      expect(run.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|command not found/);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).not.toMatch(/"error":\s*\{/);
    });
  }
});

/** Identifiers the snippets use without defining, as a reader's surrounding code would define them. */
const context: Record<string, string> = {
  tenantId: 'declare const tenantId: string;',
  clientId: 'declare const clientId: string;',
  clientSecret: 'declare const clientSecret: string;',
  caPem: 'declare const caPem: string;',
  machineId: 'declare const machineId: string;',
  userAssignedClientId: 'declare const userAssignedClientId: string;',
  myPlaybook: 'declare const myPlaybook: { unrestrict(baseUrl: string, machineId: string): Promise<void> };',
  mde: "declare const mde: import('mde-sim/msw').MdeHandlers;",
  it: "declare const it: typeof import('vitest').it;",
};

function preamble(snippet: string): string {
  return Object.entries(context)
    .filter(
      ([name]) =>
        new RegExp(`\\b${name}\\b`).test(snippet) &&
        !new RegExp(`(const|let|function)\\s+${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(snippet),
    )
    .map(([, declaration]) => declaration)
    .join('\n');
}

describe('README TypeScript snippets type-check against the package entries', () => {
  // Inside node_modules so the snippets resolve msw, express, vitest... as a user's project does.
  const dir = join(root, 'node_modules', '.cache', 'mde-sim-readme');
  const errors = new Map<string, string[]>();
  let unattributed = '';
  const checked = tsBlocks.filter((b) => b.skipReason === undefined);

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string }>;
    };
    // `mde-sim/...` resolves to the sources the built entries come from.
    const paths = Object.fromEntries(
      Object.entries(pkg.exports)
        .filter(([, target]) => typeof target === 'object')
        .map(([entry, target]) => [
          `mde-sim${entry.slice(1)}`,
          [
            join(
              root,
              (target as { types: string }).types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'),
            ),
          ],
        ]),
    );
    const files = checked.map((block) => {
      const file = join(dir, `readme-line-${block.line}.mts`);
      writeFileSync(file, `${preamble(block.text)}\n${block.text}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { paths, types: ['node'], noUnusedLocals: false },
        include: [],
        files,
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
        encoding: 'utf8',
      });
    } catch (error) {
      const output = String((error as { stdout?: string }).stdout ?? error);
      for (const line of output.split('\n')) {
        const file = /readme-line-(\d+)\.mts/.exec(line)?.[1];
        if (file !== undefined) errors.set(file, [...(errors.get(file) ?? []), line]);
      }
      if (errors.size === 0) unattributed = output;
    }
  }, 60_000);

  it('finds the snippets, and tsc fails on nothing but them', () => {
    expect(tsBlocks.length).toBeGreaterThan(6);
    expect(unattributed).toBe('');
  });

  for (const block of tsBlocks) {
    const title = `README line ${block.line}: ${block.text.split('\n')[0]?.slice(0, 70)}`;
    if (block.skipReason !== undefined) {
      it.skip(`${title} (skipped: ${block.skipReason})`, () => {});
      continue;
    }
    it(title, () => {
      expect(errors.get(String(block.line)) ?? []).toEqual([]);
    });
  }
});
