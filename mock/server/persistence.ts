/**
 * @module
 * `serve --persist`: the simulator's state (tenants, machines, actions, quotas, fault plans, the clock) in
 * `<state-dir>/state.json`, restored at start and saved off the request path. Requests only bump a change
 * counter; a timer saves when it moved, at most once per flush interval, by writing a temporary file,
 * syncing it and renaming it over the old one, so a crash (even kill -9) leaves the previous or the new
 * file, never half of one, and loses at most one interval of changes. Close flushes.
 *
 * Serializing is synchronous (about 5 ms per 1,000 stored actions here), so the interval stretches to ten
 * times the last save's duration when that is longer: saving never takes more than about a tenth of the
 * process's time, and a request waits at most one serialization.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator, SimulatorLogger } from '../core/simulator.ts';
import { StateFileError } from './state-file-error.ts';

/** The state file's name in the state directory. */
export const STATE_FILE = 'state.json';

/** How often a changed state is saved. @default 1000 ms */
export const DEFAULT_FLUSH_INTERVAL_MS = 1000;

/** A running persister. */
export interface StatePersister {
  /** Path of the state file. */
  readonly path: string;
  /** Saves now if anything changed since the last save. */
  flush(): Promise<void>;
  /** Stops the timer after a last flush. */
  close(): Promise<void>;
}

/**
 * Restores `<stateDir>/state.json` into the simulator when it exists.
 * @returns whether a state was restored
 * @throws StateFileError (one line: the file, what is wrong, the fix), like damaged TLS material or keys
 */
export async function restoreState(simulator: Simulator, stateDir: string): Promise<boolean> {
  const path = join(stateDir, STATE_FILE);
  const fix = 'Move it away (or delete it) to start from the seed; nothing was changed';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StateFileError(path, `cannot be read (${(error as Error).message})`, fix);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(
      path,
      `is not valid JSON (truncated or damaged: ${(error as Error).message})`,
      fix,
    );
  }
  if ((parsed as { format?: unknown } | null)?.format !== 'mde-sim-state') {
    throw new StateFileError(path, 'is not an mde-sim state file (no "format": "mde-sim-state")', fix);
  }
  try {
    simulator.restore(parsed);
  } catch (error) {
    throw new StateFileError(path, `is damaged: ${(error as Error).message}`, fix);
  }
  return true;
}

/** Starts saving the simulator's state to `<stateDir>/state.json` whenever it changed. */
export function startPersister(
  simulator: Simulator,
  stateDir: string,
  options: { flushIntervalMs?: number; logger?: SimulatorLogger } = {},
): StatePersister {
  const path = join(stateDir, STATE_FILE);
  const intervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  if (!(Number.isInteger(intervalMs) && intervalMs >= 10 && intervalMs <= 3_600_000))
    throw new TypeError('flushIntervalMs must be an integer from 10 to 3600000');
  let saved = -1;
  let nextDelayMs = intervalMs;
  let writing: Promise<void> | undefined;
  let sequence = 0;

  const save = async (): Promise<void> => {
    const changes = simulator.changes;
    if (changes === saved) return;
    const started = performance.now();
    const text = simulator.snapshotJson();
    sequence += 1;
    const temporary = `${path}.${process.pid}.${sequence}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
    saved = changes;
    nextDelayMs = Math.max(intervalMs, Math.ceil(10 * (performance.now() - started)));
  };

  const flush = (): Promise<void> => {
    // One write at a time; a flush during a write waits for it, then saves what changed meanwhile.
    const next = (writing ?? Promise.resolve()).then(save);
    writing = next.catch((error: unknown) => {
      options.logger?.error({ err: error, path }, 'could not save the simulator state');
    });
    return next;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const schedule = () => {
    timer = setTimeout(() => {
      void flush()
        .catch(() => {})
        .finally(() => {
          if (!closed) schedule();
        });
    }, nextDelayMs);
    timer.unref();
  };
  schedule();
  return {
    path,
    flush,
    async close() {
      closed = true;
      clearTimeout(timer);
      await flush();
    },
  };
}
