import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../core/demo-tenant.ts';
import { startServer } from './server.ts';
import { signingKeyStore } from './signing-key-store.ts';
import { StateFileError } from './state-file-error.ts';

const SOAR_APP = '5b0c3f7e-2a41-4d8b-9e6c-0f1a2b3c4d5e';
const dirs: string[] = [];

async function stateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mde-sim-keys-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function start(dir: string) {
  return startServer({ port: 0, httpsPort: null, stateDir: dir, simulator: { clock: { mode: 'frozen' } } });
}

async function refusalOf(promise: Promise<unknown>): Promise<StateFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StateFileError);
  return error as StateFileError;
}

describe('signing keys in the state directory', () => {
  it('refuses at start a signing key whose modulus was changed, naming the file and the fix', async () => {
    const dir = await stateDir();
    await (await start(dir)).close();
    const file = signingKeyStore(dir).file;
    const persisted = JSON.parse(await readFile(file, 'utf8')) as { keys: { n: string }[] };
    const n = persisted.keys[0]!.n;
    persisted.keys[0]!.n = `${n.slice(0, 20)}${n[20] === 'A' ? 'B' : 'A'}${n.slice(21)}`;
    await writeFile(file, JSON.stringify(persisted));

    const error = await refusalOf(start(dir));
    expect(error.file).toBe(file);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('Delete it to make new signing keys');
    // Never silently replaced.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(persisted);
  });

  it('refuses at start a signing-key file that is not JSON', async () => {
    const dir = await stateDir();
    await (await start(dir)).close();
    const file = signingKeyStore(dir).file;
    await writeFile(file, '{"version":1,"keys":[{"kty":"RSA"');
    expect((await refusalOf(start(dir))).message).toBe(
      `${file} is not valid JSON. Delete it to make new signing keys (tokens issued before then stop verifying).`,
    );
  });

  it('keeps a rotation across a restart: a token minted after POST /_sim/keys/rotate still verifies', async () => {
    const dir = await stateDir();
    const first = await start(dir);
    const rotated = await fetch(`${first.url}/_sim/keys/rotate`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const minted = (await (
      await fetch(`${first.url}/_sim/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: DEMO_TENANT_ID, clientId: SOAR_APP }),
      })
    ).json()) as { access_token: string };
    const kid = (await first.simulator.identity.jwks()).keys[0]?.kid;
    await first.close();

    const second = await start(dir);
    try {
      expect((await second.simulator.identity.jwks()).keys[0]?.kid).toBe(kid);
      const answer = await fetch(`${second.url}/api/machineactions`, {
        headers: { authorization: `Bearer ${minted.access_token}` },
      });
      expect(answer.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
