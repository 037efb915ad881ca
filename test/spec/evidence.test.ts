/**
 * The evidence the project cites lives in the clone (`docs/evidence/`): every "payload NN", every
 * "mde-api.md §N" and every quoted decision in the spec, the code, the tests and the README resolves to a
 * file or a section there, and the spec's examples that claim to be a recorded payload are that payload.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/generate-sources.ts';
import { type Json, loadYamlSpec, payloadsDir, readPayload } from './spec-walk.ts';

const evidenceDir = join(repoRoot, 'docs', 'evidence');
const factSheet = readFileSync(join(evidenceDir, 'mde-api.md'), 'utf8');
const payloadFiles = readdirSync(payloadsDir).filter((name) => /^\d{2}_/.test(name));

/** The files whose text may cite evidence: sources, tests, the spec, the README and the decision records. */
function citingFiles(): string[] {
  const roots = ['mock', 'client', 'contracts', 'openapi', 'scripts', 'test', 'bench', 'docs/decisions'];
  const files = roots.flatMap((root) =>
    readdirSync(join(repoRoot, root), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|ya?ml|md)$/.test(name))
      .map((name) => join(repoRoot, root, name)),
  );
  return [...files, join(repoRoot, 'README.md')];
}

interface Citation {
  file: string;
  text: string;
}

function findAll(pattern: RegExp): Citation[] {
  return citingFiles().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => ({
      file: relative(repoRoot, file),
      text: match[0],
    })),
  );
}

/** "payload 07", "payloads 10, 16", "payloads 01 and 02", "payloads 01–04": the numbers cited. */
function payloadNumbers(citation: string): string[] {
  const numbers: string[] = [];
  for (const part of citation.replace(/^payloads?\s+/, '').split(/\s*(?:,|and)\s*/)) {
    const range = /^(\d{2})\s*[–-]\s*(\d{2})$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(String(n).padStart(2, '0'));
    } else if (/^\d{2}$/.test(part)) {
      numbers.push(part);
    }
  }
  return numbers;
}

const payloadCitations = findAll(/payloads?\s+\d{2}(?:\s*(?:,|and|–|-)\s*\d{2})*/g);

describe('evidence cited in the repository resolves inside the clone', () => {
  it('finds the citations it checks', () => {
    expect(payloadCitations.length).toBeGreaterThan(40);
  });

  it('every "payload NN" names a file in docs/evidence/payloads', () => {
    const missing = payloadCitations.flatMap((c) =>
      payloadNumbers(c.text)
        .filter((n) => !payloadFiles.some((file) => file.startsWith(`${n}_`)))
        .map((n) => `${c.file}: "${c.text}" (no payload ${n})`),
    );
    expect(missing).toEqual([]);
  });

  it('every path to mde-api.md is docs/evidence/mde-api.md', () => {
    const elsewhere = findAll(/[\w./-]*mde-api\.md/g).filter(
      (c) => c.text !== 'mde-api.md' && !c.text.endsWith('docs/evidence/mde-api.md'),
    );
    expect(elsewhere.map((c) => `${c.file}: ${c.text}`)).toEqual([]);
  });

  it('every "mde-api.md §N" names a section of the fact sheet', () => {
    const sections = findAll(/mde-api\.md[,:]? §\d+(?:\s*(?:,|–|and)\s*§\d+)*/g).flatMap((c) =>
      [...c.text.matchAll(/§(\d+)/g)].map((m) => ({ ...c, section: m[1] })),
    );
    expect(sections.length).toBeGreaterThan(50);
    const missing = sections.filter((s) => !new RegExp(`^## ${s.section}\\. `, 'm').test(factSheet));
    expect(missing.map((s) => `${s.file}: §${s.section}`)).toEqual([]);
  });

  it('every decision quoted by name is a decision of the fact sheet', () => {
    const decisions = factSheet.slice(factSheet.indexOf('## Decisions for mde-sim'));
    expect(decisions.length).toBeGreaterThan(1000);
    const quoted = findAll(/decisions,? "([^"]+)"/g).map((c) => ({
      ...c,
      name: /"([^"]+)"/.exec(c.text)?.[1] ?? '',
    }));
    expect(quoted.length).toBeGreaterThan(3);
    // A name may cover a group: "403" stands for "403 (app)" and "403 (delegated)".
    const missing = quoted.filter((q) => !decisions.includes(`**${q.name}`));
    expect(missing.map((q) => `${q.file}: ${q.text}`)).toEqual([]);
  });
});

/** The body a payload file records: the file itself, or the first capture's `json_body`. */
function recordedBody(number: string): Json {
  const file = payloadFiles.find((name) => name.startsWith(`${number}_`) && name.endsWith('.json'));
  if (file === undefined) throw new Error(`payload ${number} is not a JSON file`);
  const payload = readPayload(file);
  return Array.isArray(payload) ? payload[0].json_body : payload;
}

/** Deep equality with key order; a redacted value in the capture ("<REDACTED>") matches any string. */
function sameAsRecorded(example: Json, recorded: Json): boolean {
  if (recorded === '<REDACTED>') return typeof example === 'string';
  if (recorded === null || typeof recorded !== 'object') return example === recorded;
  if (example === null || typeof example !== 'object') return false;
  const keys = Object.keys(recorded);
  if (JSON.stringify(Object.keys(example)) !== JSON.stringify(keys)) return false;
  return keys.every((key) => sameAsRecorded(example[key], recorded[key]));
}

const examples = Object.entries<Json>(loadYamlSpec().components.examples)
  .filter(([, example]) => example['x-fidelity'] !== 'inferred')
  .map(([name, example]) => ({
    name,
    value: example.value,
    cited: payloadNumbers(
      /payloads?\s+\d{2}(?:\s*(?:,|and|–|-)\s*\d{2})*/.exec(
        `${example.summary ?? ''} ${example.description ?? ''}`,
      )?.[0] ?? '',
    ),
  }))
  .filter((example) => example.cited.length > 0);

describe("the spec's recorded examples are the recorded payloads", () => {
  it('finds the examples that cite a payload', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['UnrestrictPending2026', 'RestrictPending2026', 'Machine2023', 'NonGuidKey']),
    );
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    'example %s holds every payload it cites, key order included',
    (_name, example) => {
      for (const number of example.cited) {
        const recorded = recordedBody(number);
        // A collection example lists the recorded actions as items, without their @odata.context, and may show
        // them later in their lifecycle: only status and lastUpdateDateTimeUtc may have moved on.
        const { '@odata.context': _context, ...item } = recorded;
        const found =
          sameAsRecorded(example.value, recorded) ||
          (Array.isArray(example.value?.value) &&
            example.value.value.some((entry: Json) =>
              sameAsRecorded(entry, {
                ...item,
                status: entry.status,
                lastUpdateDateTimeUtc: entry.lastUpdateDateTimeUtc,
              }),
            ));
        expect(found, `payload ${number}`).toBe(true);
      }
    },
  );
});
