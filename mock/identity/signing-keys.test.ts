import { describe, expect, it } from 'vitest';
import { createSimulator } from '../core/simulator.ts';
import { createSigningKeySet, type PersistedSigningKeys } from './signing-keys.ts';

/** The persisted keys with one character of the first key's modulus changed. */
async function withDamagedModulus(): Promise<PersistedSigningKeys> {
  const keys = (await createSigningKeySet()).export();
  const n = keys.keys[0]!.n!;
  keys.keys[0] = { ...keys.keys[0]!, n: `${n.slice(0, 30)}${n[30] === 'A' ? 'B' : 'A'}${n.slice(31)}` };
  return keys;
}

describe('signing keys are proven by signing and verifying a test token', () => {
  it('refuses a key whose modulus was changed', async () => {
    await expect(createSigningKeySet(await withDamagedModulus())).rejects.toThrow(
      /cannot sign a token that its public key verifies/,
    );
  });

  it('makes createSimulator reject such persisted keys, instead of answering 500 to every token request', async () => {
    await expect(createSimulator({ identityKeys: await withDamagedModulus() })).rejects.toThrow(TypeError);
  });

  it('accepts its own exported keys', async () => {
    const keys = (await createSigningKeySet()).export();
    expect((await createSigningKeySet(keys)).export()).toEqual(keys);
  });
});
