/**
 * The messages between interaction-runner.ts (parent) and pact-verifier-worker.ts (child), over Node's
 * IPC channel: the parent starts a run, the child asks for state set-ups and request rewrites, the parent
 * answers, the child reports pact's verdict as pact's own JSON.
 * @module
 */

/** Parent → child: verify one single-interaction pact file. */
export interface WorkerRun {
  kind: 'run';
  runId: number;
  pactFile: string;
  provider: string;
  providerBaseUrl: string;
  stateNames: string[];
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  caPem?: string;
}

/** A request as the Verifier's proxy forwards it (the fields a rewrite may change). */
export interface ProxiedRequest {
  path: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What the child asks the parent for. */
export type WorkerQuestion =
  | { type: 'state'; name: string; action: 'setup' | 'teardown'; params: unknown }
  | ({ type: 'rewrite' } & ProxiedRequest);

/** Child → parent. */
export type WorkerRequest =
  | { kind: 'ask'; runId: number; askId: number; question: WorkerQuestion }
  /** `result` is pact's verification JSON (or the error text when pact could not run). */
  | { kind: 'done'; runId: number; passed: boolean; result: string };

/** Parent → child: a run, or the answer to a question (`error` set when the parent's handler threw). */
export type WorkerReply = WorkerRun | { kind: 'answer'; askId: number; value?: unknown; error?: string };
