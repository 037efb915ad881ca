/**
 * The committed generated files must be what `npm run generate` produces from the YAML today.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { generateSources, repoRoot } from '../../scripts/generate-sources.ts';

const sources = await generateSources();

it.each(sources.map((source) => [relative(repoRoot, source.path), source] as const))(
  '%s is fresh',
  (name, { path, text }) => {
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(path, 'utf8');
    } catch {
      onDisk = undefined;
    }
    expect(onDisk === text, `${name} is stale or missing: run npm run generate`).toBe(true);
  },
);
