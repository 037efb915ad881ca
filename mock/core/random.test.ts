import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

/** The GUID layout over hex(32): version nibble 4, variant nibble 8-b (the earlier, slicing form). */
function uuidFromHex(h: string): string {
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

describe('createRandom', () => {
  it('gives a seed the same GUIDs as the hex digits it draws (seeded ids stay as they were)', () => {
    for (let seed = 0; seed < 300; seed++) {
      const ids = createRandom(seed);
      const digits = createRandom(seed);
      for (let i = 0; i < 5; i++) expect(ids.uuid()).toBe(uuidFromHex(digits.hex(32)));
    }
  });

  it('writes version-4 GUIDs in lower case', () => {
    const random = createRandom();
    for (let i = 0; i < 1000; i++) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
