/**
 * Compares pacts with the OpenAPI document (@pactflow/openapi-pact-comparator): a consumer expectation
 * the spec does not allow (an undocumented status, a body or header the schema refuses, an unknown path)
 * is a finding, even when the simulator happens to answer it.
 * @module
 */
import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import { spec } from '../openapi/index.ts';
import { type PactInteraction, readPact, recordedAuthorization, unsupportedReason } from './pact-files.ts';

/** The comparator's result, as its README and `dist/src/results` describe it (the fields read here). */
interface ComparatorResult {
  code: string;
  message: string;
  type: 'error' | 'warning' | 'info';
  mockDetails?: { interactionDescription?: string | null; location: string };
}

/**
 * The comparator's class. Its published typings re-export directory modules (`export * from "./compare"`),
 * which NodeNext resolution cannot follow, so the one class used is typed here.
 */
const { Comparator } = comparatorModule as unknown as {
  Comparator: new (options: { oas: unknown }) => { compare(pact: unknown): AsyncGenerator<ComparatorResult> };
};

/** One finding of the comparator, tied to its pact file. */
export interface SpecFinding {
  pactFile: string;
  /** `error` findings make a pact incompatible with the spec; `warning`s are informative. */
  type: 'error' | 'warning';
  /** The comparator's code, e.g. `response.status.unknown`, `response.body.incompatible`. */
  code: string;
  message: string;
  /** The interaction it is about, when the finding is about one. */
  interaction?: string | undefined;
  /** Where in the pact (`[root].interactions[3].response.body.status`). */
  location?: string | undefined;
}

function toFinding(pactFile: string, result: ComparatorResult): SpecFinding | undefined {
  if (result.type === 'info') return undefined;
  return {
    pactFile,
    type: result.type,
    code: result.code,
    message: result.message,
    interaction: result.mockDetails?.interactionDescription ?? undefined,
    location: result.mockDetails?.location,
  };
}

interface AliasRule {
  prefix: string;
  canonical: string;
}

/**
 * The document as the comparator should see it: a copy in which every path also exists under its
 * `x-path-aliases` form (`/api/v1.0/machines/…` beside `/api/machines/…`), as the simulator routes them.
 */
export function specWithPathAliases(document: object = spec): Record<string, unknown> {
  const copy = structuredClone(document) as {
    paths?: Record<string, unknown>;
    'x-path-aliases'?: AliasRule[];
  };
  const paths = copy.paths ?? {};
  for (const rule of copy['x-path-aliases'] ?? []) {
    for (const [path, item] of Object.entries(paths)) {
      if (!path.startsWith(rule.canonical)) continue;
      const alias = `${rule.prefix}${path.slice(rule.canonical.length)}`;
      paths[alias] ??= structuredClone(item);
    }
  }
  return copy as Record<string, unknown>;
}

/**
 * The comparator does not check oauth2 security: a request recorded without a bearer token that expects
 * anything but 401 contradicts the spec's `security`, since the service refuses it.
 */
function securityFinding(
  pactFile: string,
  interaction: PactInteraction,
  index: number,
): SpecFinding | undefined {
  if (unsupportedReason(interaction) !== undefined) return undefined;
  const authorization = recordedAuthorization(interaction);
  if (/^Bearer\s+\S/i.test(authorization ?? '') || interaction.response?.status === 401) return undefined;
  const sent =
    authorization === undefined
      ? 'no Authorization header'
      : `"Authorization: ${authorization.split(/\s/)[0]} …"`;
  return {
    pactFile,
    type: 'error',
    code: 'request.authorization.missing',
    message: `The request carries ${sent}, but every operation requires an OAuth 2.0 bearer token (security: oauth2); the service answers it 401, not ${interaction.response?.status}.`,
    interaction: interaction.description,
    location: `[root].interactions[${index}].request.headers.Authorization`,
  };
}

/** Compares every pact file with the project's OpenAPI document. */
export async function compareWithSpec(pactFiles: readonly string[]): Promise<SpecFinding[]> {
  // The comparator resolves and annotates the document it is given: hand it its own copy.
  const comparator = new Comparator({ oas: specWithPathAliases() });
  const findings: SpecFinding[] = [];
  for (const file of pactFiles) {
    const { pact } = await readPact(file);
    const pending = new Set(pact.interactions.filter((i) => i.pending === true).map((i) => i.description));
    for await (const result of comparator.compare(pact)) {
      const finding = toFinding(file, result);
      if (finding === undefined) continue;
      // A pending interaction never fails a run: what the spec says of it is reported as a warning.
      if (finding.interaction !== undefined && pending.has(finding.interaction) && finding.type === 'error') {
        finding.type = 'warning';
        finding.message = `${finding.message} (pending interaction: reported, not failing the run)`;
      }
      findings.push(finding);
    }
    pact.interactions.forEach((interaction, index) => {
      const finding = securityFinding(file, interaction, index);
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

/** One line per finding, for reports. */
export function formatFindings(findings: readonly SpecFinding[]): string {
  return findings
    .map(
      (f) =>
        `  ${f.type} ${f.code}${f.interaction ? ` in "${f.interaction}"` : ''}: ${f.message}${f.location ? ` (${f.location})` : ''}`,
    )
    .join('\n');
}
