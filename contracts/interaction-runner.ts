/**
 * Verifies one pact interaction at a time with pact's Verifier, so every interaction gets its own verdict
 * (the Verifier only says whether a whole run passed) and its own caller, token and state set-up.
 * The Verifier runs in a child process (pact-verifier-worker.ts), so its own report, printed natively to
 * stdout, is shown only when asked for; its verdict comes back as pact's JSON and is read into plain
 * mismatches (pact-mismatches.ts).
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PactFile, PactInteraction } from './pact-files.ts';
import { type PactVerdict, readPactVerdict } from './pact-mismatches.ts';
import type { ProxiedRequest, WorkerReply, WorkerRequest } from './pact-verifier-protocol.ts';

export type { ProxiedRequest } from './pact-verifier-protocol.ts';

/** A state handler: set-up returns the values injected into `fromProviderState` expressions. */
export interface StateHandler {
  setup(params: Record<string, unknown>): Promise<Record<string, unknown>>;
  teardown?(): Promise<void>;
}

/** State handlers, keyed by the names the pact uses. */
export type StateHandlers = Record<string, StateHandler>;

/** Rewrites a request on its way to the provider; called for the interaction's request only. */
export type RequestRewrite = (request: ProxiedRequest) => void;

/** Options of {@link InteractionRunner.run}. */
export interface RunInteractionOptions {
  pact: PactFile;
  interaction: PactInteraction;
  /** Where the provider listens (`http://127.0.0.1:<port>`, or the real service). */
  providerBaseUrl: string;
  /** Handlers for the interaction's states, keyed by the names the pact uses. */
  stateHandlers: StateHandlers;
  /** Sets the Authorization header and any path substitution. */
  rewrite: RequestRewrite;
  /** Extra CA (PEM) trusted for an HTTPS provider, e.g. the simulator's CA in the live rehearsal. */
  caPem?: string | undefined;
  /** Pact's own log level. @default 'error' */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** Options of {@link createInteractionRunner}. */
export interface InteractionRunnerOptions {
  /** Where pact's own report and warnings go; without it they are dropped. @default none */
  verboseOut?: NodeJS.WritableStream | undefined;
}

/** Runs interactions one after the other in one pact process; close it when done. */
export interface InteractionRunner {
  run(options: RunInteractionOptions): Promise<PactVerdict>;
  close(): Promise<void>;
}

/** The worker module beside this one: `.ts` from a clone, `.js` from the published package. */
const workerPath = fileURLToPath(
  new URL(`./pact-verifier-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/** Starts the pact process. */
export function createInteractionRunner(options: InteractionRunnerOptions = {}): InteractionRunner {
  let child: ChildProcess | undefined;
  let nextRun = 0;
  const runs = new Map<
    number,
    { options: RunInteractionOptions; done(passed: boolean, result: string): void; fail(error: Error): void }
  >();

  const start = (): ChildProcess => {
    const started = fork(workerPath, [], {
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, SCARF_ANALYTICS: 'false', PACT_DO_NOT_TRACK: 'true' },
    });
    const forward = (chunk: Buffer) => options.verboseOut?.write(chunk);
    started.stdout?.on('data', forward);
    started.stderr?.on('data', forward);
    started.on('message', (message: WorkerRequest) => {
      const current = runs.get(message.runId);
      if (current === undefined) return;
      if (message.kind === 'done') {
        runs.delete(message.runId);
        current.done(message.passed, message.result);
        return;
      }
      void answer(current.options, message.question).then(
        (value) => reply({ kind: 'answer', askId: message.askId, value }),
        (error: unknown) =>
          reply({ kind: 'answer', askId: message.askId, error: (error as Error).message ?? String(error) }),
      );
    });
    started.on('exit', (code, signal) => {
      child = undefined;
      for (const [id, current] of runs) {
        runs.delete(id);
        current.fail(new Error(`the pact verifier process ended (${signal ?? `exit code ${code}`})`));
      }
    });
    return started;
  };

  const reply = (message: WorkerReply) => child?.send(message);

  return {
    async run(runOptions) {
      const dir = await mkdtemp(join(tmpdir(), 'mde-sim-pact-'));
      try {
        const file = join(dir, 'interaction.json');
        await writeFile(file, JSON.stringify({ ...runOptions.pact, interactions: [runOptions.interaction] }));
        child ??= start();
        nextRun += 1;
        const runId = nextRun;
        const { passed, result } = await new Promise<{ passed: boolean; result: string }>(
          (resolve, reject) => {
            runs.set(runId, {
              options: runOptions,
              done: (passed, result) => resolve({ passed, result }),
              fail: reject,
            });
            child!.send({
              kind: 'run',
              runId,
              pactFile: file,
              provider: runOptions.pact.provider.name,
              providerBaseUrl: runOptions.providerBaseUrl,
              stateNames: Object.keys(runOptions.stateHandlers),
              logLevel: runOptions.logLevel ?? 'error',
              ...(runOptions.caPem === undefined ? {} : { caPem: runOptions.caPem }),
            } satisfies WorkerReply);
          },
        );
        return readPactVerdict(passed, result);
      } catch (error) {
        return { passed: false, pending: false, mismatches: [], error: (error as Error).message };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      const running = child;
      if (running === undefined) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.disconnect();
      });
    },
  };
}

async function answer(
  options: RunInteractionOptions,
  question: Extract<WorkerRequest, { kind: 'ask' }>['question'],
): Promise<unknown> {
  if (question.type === 'rewrite') {
    const request: ProxiedRequest = { path: question.path, url: question.url, headers: question.headers };
    options.rewrite(request);
    return { url: request.url, headers: request.headers };
  }
  const handler = options.stateHandlers[question.name];
  if (handler === undefined) return {};
  if (question.action === 'teardown') {
    await handler.teardown?.();
    return {};
  }
  const params =
    typeof question.params === 'object' && question.params !== null
      ? (question.params as Record<string, unknown>)
      : {};
  return handler.setup(params);
}
