/**
 * @module
 * The one error a start refuses with when a file in the state directory is damaged: it names the file and
 * the fix in one line, because the simulator never silently replaces trust material clients depend on.
 */

/** A state file (CA, key, certificate, signing keys) that cannot be used. Its message is one line. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
  readonly code = 'MDE_SIM_STATE_FILE';
  /** Absolute path of the damaged file. */
  readonly file: string;

  constructor(file: string, problem: string, fix: string) {
    super(`${file} ${problem}. ${fix}.`);
    this.file = file;
  }
}
