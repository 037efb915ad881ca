/**
 * @module
 * `npm run generate`: writes the files derived from openapi/defender-machine-actions.yaml.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateSources, repoRoot } from './generate-sources.ts';

for (const { path, text } of await generateSources()) {
  writeFileSync(path, text);
  console.log(`wrote ${relative(repoRoot, path)}`);
}
