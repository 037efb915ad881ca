/**
 * The progress indicator the CLI shows on stderr while waiting for an action: the status and the time
 * waited, only when stderr is a TTY (never in pipes, CI logs or --json scripts).
 * @module
 */

/** Where the CLI writes; `isTTY` decides whether progress is shown. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A one-line spinner: `update(text)` changes the text, `stop()` clears the line. */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

/** What the spinner shows. */
export interface ProgressOptions {
  /** The first text, e.g. `Waiting for UnrestrictCodeExecution <id>: Pending`. */
  text: string;
  /** The clock the elapsed time is read from (the CLI's, so tests can drive it). @default Date.now */
  now?: () => number;
}

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A spinner on `stream` when it is a TTY, else a no-op. */
export function startProgress(stream: CliStream, options: ProgressOptions): Progress {
  if (stream.isTTY !== true) return { update: () => {}, stop: () => {} };
  const write = (text: string) => stream.write(text);
  const now = options.now ?? Date.now;
  const started = now();
  let frame = 0;
  let current = options.text;
  const render = () => {
    write(`\r\x1b[K${frames[frame % frames.length]} ${current} (${elapsed(now() - started)})`);
    frame++;
  };
  render();
  const timer = setInterval(render, 100);
  timer.unref();
  return {
    update: (next) => {
      current = next;
      render();
    },
    stop: () => {
      clearInterval(timer);
      write('\r\x1b[K');
    },
  };
}
