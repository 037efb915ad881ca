/**
 * The progress indicator the CLI shows on stderr while waiting for an action, only when stderr is a TTY
 * (never in pipes, CI logs or --json scripts).
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

/** A spinner on `stream` when it is a TTY, else a no-op. */
export function startProgress(stream: CliStream, text: string): Progress {
  if (stream.isTTY !== true) return { update: () => {}, stop: () => {} };
  let frame = 0;
  let current = text;
  const render = () => {
    stream.write(`\r\x1b[K${frames[frame % frames.length]} ${current}`);
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
      stream.write('\r\x1b[K');
    },
  };
}
