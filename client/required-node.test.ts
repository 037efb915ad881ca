import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requiredNodeVersion, satisfiesVersion } from './required-node.ts';

describe('the Node version the bins require', () => {
  it('is the one package.json engines declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${requiredNodeVersion}`);
  });

  it('is at least what undici, the strictest runtime dependency, declares', () => {
    const undici = JSON.parse(
      readFileSync(new URL('../node_modules/undici/package.json', import.meta.url), 'utf8'),
    ) as { engines: { node: string } };
    expect(undici.engines.node).toBe(`>=${requiredNodeVersion}`);
  });

  it.each([
    ['20.20.2', false],
    ['22.18.0', false],
    ['22.19.0', true],
    ['22.20.1', true],
    ['23.0.0', true],
    ['24.21.0', true],
    ['100.0.0', true],
  ])('Node %s satisfies it: %s', (found, expected) => {
    expect(satisfiesVersion(found, requiredNodeVersion)).toBe(expected);
  });
});
