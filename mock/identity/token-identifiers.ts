/**
 * @module
 * The opaque identifiers inside a token: stable derived GUIDs (service principal object ids, pairwise `sub`),
 * the `rh` claim, and the random `aio`/`uti` values, in the formats the real service uses.
 */

/** The random source the identity provider draws from; the simulator's seeded `RandomSource` fits. */
export interface IdentityRandom {
  /** A lower-case hyphenated GUID. */
  uuid(): string;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
}

/** A random source over WebCrypto, used when none is injected. */
export const cryptoRandom: IdentityRandom = {
  uuid: () => crypto.randomUUID(),
  hex(length) {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, length);
  },
};

/** The WindowsDefenderATP first-party app id, the resource behind every MDE audience. */
export const WINDOWS_DEFENDER_ATP_APP_ID = 'fc780465-2017-40d4-a0c5-307022471b92';

/**
 * A GUID derived from `parts` (SHA-256, laid out as a version-5-style GUID), so the same app in the same
 * tenant always gets the same service principal object id across restarts.
 */
export async function stableGuid(...parts: string[]): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000').toLowerCase())),
  );
  const bytes = digest.slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A pairwise `sub` for a user token (43 base64url characters, as real ones), stable per user and app. */
export async function pairwiseSubject(...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(parts.join('\u0000').toLowerCase()),
  );
  return base64Url(new Uint8Array(digest));
}

/**
 * The `rh` claim: `0.` + base64url(`01 07 00`, tenant id, resource app id (both in .NET GUID byte order),
 * `ff 00 00`) + `.`, the layout decoded from a real MDE token (payload 20). The trailing flag bytes for user
 * tokens are inferred to be the same.
 */
export function refreshHandleClaim(tenantId: string, resourceAppId = WINDOWS_DEFENDER_ATP_APP_ID): string {
  const bytes = new Uint8Array([
    0x01,
    0x07,
    0x00,
    ...guidBytesLe(tenantId),
    ...guidBytesLe(resourceAppId),
    0xff,
    0,
    0,
  ]);
  return `0.${base64Url(bytes)}.`;
}

/** The `aio` claim: an opaque base64 value ending in `=` (28 characters in real tokens). */
export function aioClaim(random: IdentityRandom): string {
  return `${base64(hexBytes(random.hex(40))).slice(0, 27)}=`;
}

/** The `uti` claim: an opaque base64url token id (22–25 characters in real tokens). */
export function utiClaim(random: IdentityRandom): string {
  return base64Url(hexBytes(random.hex(36))).slice(0, 25);
}

/** base64url without padding. */
export function base64Url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A GUID's 16 bytes in .NET (mixed-endian) order; zeros for a value that is not a GUID. */
function guidBytesLe(guid: string): number[] {
  const hex = guid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return new Array(16).fill(0);
  const b = Array.from(hexBytes(hex));
  return [b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.slice(8)];
}
