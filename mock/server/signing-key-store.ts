/**
 * @module
 * The token-signing keys in `<stateDir>/identity/signing-keys.json`: read and proven at start (a damaged file
 * is refused with one line naming it, never replaced), and rewritten atomically whenever the keys rotate, so
 * tokens minted after a rotation still verify after a restart.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSigningKeySet, type PersistedSigningKeys } from '../identity/signing-keys.ts';
import { StateFileError } from './state-file-error.ts';

/** The signing-key file of a state directory. */
export interface SigningKeyStore {
  /** Absolute path of `signing-keys.json`. */
  readonly file: string;
  /** The persisted keys, proven to sign and verify; undefined when the file does not exist yet. */
  load(): Promise<PersistedSigningKeys | undefined>;
  /** Writes the keys (temp file and rename, mode 0600). */
  save(keys: PersistedSigningKeys): Promise<void>;
}

/** The store of `<stateDir>/identity/signing-keys.json`. */
export function signingKeyStore(stateDir: string): SigningKeyStore {
  const dir = path.resolve(stateDir, 'identity');
  const file = path.join(dir, 'signing-keys.json');
  const fix = `Delete it to make new signing keys (tokens issued before then stop verifying)`;
  return {
    file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new StateFileError(file, `cannot be read (${(error as Error).message})`, fix);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new StateFileError(file, 'is not valid JSON', fix);
      }
      try {
        // Imports every key and signs and verifies a test token with each: a broken key fails now, not as
        // a 500 on every token request.
        return (await createSigningKeySet(parsed as PersistedSigningKeys)).export();
      } catch (error) {
        throw new StateFileError(file, `holds an unusable key: ${(error as Error).message}`, fix);
      }
    },
    async save(keys) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, JSON.stringify(keys), { mode: 0o600 });
      await rename(temporary, file);
    },
  };
}
