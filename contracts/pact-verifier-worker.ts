/**
 * The child process that hosts pact's Verifier (interaction-runner.ts starts it). Pact's native verifier
 * prints its own report straight to file descriptor 1, which no in-process option silences; in a child,
 * that output is a pipe the parent shows only with `--verbose`. State set-ups and request rewrites stay
 * in the parent (they act on the simulator or the live guard): the child asks for them over IPC.
 * @module
 */
import { Verifier } from '@pact-foundation/pact';
import type { WorkerReply, WorkerRequest, WorkerRun } from './pact-verifier-protocol.ts';

/** The Verifier's path for state set-up calls; the request filter leaves those alone. */
const stateSetupPath = '/_pactSetup';

let nextAsk = 0;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function send(message: WorkerRequest): void {
  process.send?.(message);
}

/** Asks the parent and waits for its answer. */
function ask(
  runId: number,
  question: Extract<WorkerRequest, { askId: number }>['question'],
): Promise<unknown> {
  nextAsk += 1;
  const askId = nextAsk;
  return new Promise((resolve, reject) => {
    waiting.set(askId, { resolve, reject });
    send({ kind: 'ask', runId, askId, question });
  });
}

async function run(message: WorkerRun): Promise<void> {
  const stateHandlers: Record<
    string,
    { setup(params?: unknown): Promise<unknown>; teardown(): Promise<unknown> }
  > = {};
  for (const name of message.stateNames) {
    stateHandlers[name] = {
      setup: (params) => ask(message.runId, { type: 'state', name, action: 'setup', params: params ?? {} }),
      teardown: () => ask(message.runId, { type: 'state', name, action: 'teardown', params: {} }),
    };
  }
  const verifier = new Verifier({
    provider: message.provider,
    providerBaseUrl: message.providerBaseUrl,
    pactUrls: [message.pactFile],
    stateHandlers: stateHandlers as never,
    logLevel: message.logLevel,
    requestFilter: (req, _res, next) => {
      if (req.path === stateSetupPath) {
        next();
        return;
      }
      const headers = req.headers as Record<string, string | string[] | undefined>;
      ask(message.runId, { type: 'rewrite', path: req.path, url: req.url, headers }).then(
        (answer) => {
          const rewritten = answer as { url: string; headers: Record<string, string | string[] | undefined> };
          req.url = rewritten.url;
          for (const name of Object.keys(headers)) delete headers[name];
          Object.assign(headers, rewritten.headers);
          next();
        },
        (error: unknown) => next(error),
      );
    },
    // The proxy passes TLS options on to http-proxy, which honours `ca` as well (pact types only name
    // cert/key/pfx); this keeps the trust of the simulator's CA scoped to this verification.
    ...(message.caPem === undefined
      ? {}
      : { tlsClientOptions: { ca: message.caPem } as unknown as { cert: string } }),
  });
  try {
    const json = await verifier.verifyProvider();
    send({ kind: 'done', runId: message.runId, passed: true, result: String(json) });
  } catch (error) {
    send({ kind: 'done', runId: message.runId, passed: false, result: (error as Error).message });
  }
}

process.on('message', (message: WorkerReply) => {
  if (message.kind === 'run') {
    void run(message);
    return;
  }
  const pending = waiting.get(message.askId);
  if (pending === undefined) return;
  waiting.delete(message.askId);
  if (message.error === undefined) pending.resolve(message.value);
  else pending.reject(new Error(message.error));
});
// The parent closes the channel when it is done: leave then.
process.on('disconnect', () => process.exit(0));
