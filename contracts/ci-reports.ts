/**
 * The CI reports of `mde-sim verify`: JUnit XML (`--junit`, the format GitHub, GitLab and Jenkins show
 * natively: one `<testsuite>` per pact file, one `<testcase>` per interaction, `<failure>` or `<skipped>`
 * under it, and the OpenAPI comparison as one more suite) and JSON (`--json`, the same verdicts as data).
 * The XML is written by fast-xml-parser's builder, which escapes markup; characters XML 1.0 cannot carry
 * at all (most control characters) are dropped first.
 * @module
 */
import { relative } from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';
import { formatMismatch, type InteractionResult, summarize, verdictLabel } from './report.ts';
import type { SpecFinding } from './spec-comparison.ts';

/** What a verify run produced, for the reports. */
export interface VerifyRun {
  /** `simulator` or `live`. */
  target: string;
  results: readonly InteractionResult[];
  /** The OpenAPI comparison's findings (errors and warnings); none for a live run. */
  findings: readonly SpecFinding[];
  /** The pact files, in the order they were verified. */
  pactFiles: readonly string[];
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 on, except U+FFFE/U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Pact files as the reader knows them: relative to the working directory. */
function shown(pactFile: string): string {
  return relative(process.cwd(), pactFile) || pactFile;
}

function clean(text: string): string {
  return text.replace(NOT_XML, '');
}

function failureText(result: InteractionResult): string {
  const lines = [result.reason ?? 'failed', ...(result.mismatches ?? []).map(formatMismatch)];
  if (result.states.length > 0) lines.push(`provider states: ${result.states.join('; ')}`);
  return lines.join('\n');
}

/** The JUnit XML report of a run. */
export function junitReport(run: VerifyRun): string {
  const suites = run.pactFiles.map((pactFile) => {
    const results = run.results.filter((r) => r.pactFile === pactFile);
    const s = summarize(results);
    const consumer = results[0]?.consumer ?? pactFile;
    return {
      '@_name': clean(`${consumer} against the ${run.target} (${shown(pactFile)})`),
      '@_tests': results.length,
      '@_failures': s.failed,
      '@_errors': 0,
      '@_skipped': s.skipped,
      testcase: results.map((r) => {
        const testcase: Record<string, unknown> = {
          '@_classname': clean(consumer),
          '@_name': clean(r.description),
          '@_file': clean(shown(pactFile)),
        };
        if (r.outcome === 'skipped') testcase.skipped = { '@_message': clean(r.reason ?? 'skipped') };
        else if (r.outcome === 'failed' && r.pending === true) {
          // A pending failure does not fail the build: reported, not counted as a failure.
          testcase['system-out'] = clean(`${verdictLabel(r)}: ${failureText(r)}`);
        } else if (r.outcome === 'failed') {
          testcase.failure = {
            '@_message': clean(r.reason ?? 'failed'),
            '@_type': 'ContractMismatch',
            '#text': clean(failureText(r)),
          };
        }
        return testcase;
      }),
    };
  });
  if (run.target === 'simulator') {
    const errors = run.findings.filter((f) => f.type === 'error');
    suites.push({
      '@_name': 'OpenAPI comparison',
      '@_tests': run.pactFiles.length,
      '@_failures': run.pactFiles.filter((file) => errors.some((f) => f.pactFile === file)).length,
      '@_errors': 0,
      '@_skipped': 0,
      testcase: run.pactFiles.map((pactFile) => {
        const mine = errors.filter((f) => f.pactFile === pactFile);
        const testcase: Record<string, unknown> = {
          '@_classname': 'openapi',
          '@_name': clean(`${shown(pactFile)} is compatible with the spec`),
          '@_file': clean(shown(pactFile)),
        };
        if (mine.length > 0) {
          testcase.failure = {
            '@_message': `${mine.length} finding(s) against the OpenAPI document`,
            '@_type': 'SpecFinding',
            '#text': clean(
              mine
                .map((f) => `${f.code}${f.interaction ? ` in "${f.interaction}"` : ''}: ${f.message}`)
                .join('\n'),
            ),
          };
        }
        return testcase;
      }),
    });
  }
  const total = summarize(run.results);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': `mde-sim verify (${run.target})`,
      '@_tests': suites.reduce((n, s) => n + s['@_tests'], 0),
      '@_failures': suites.reduce((n, s) => n + s['@_failures'], 0),
      '@_errors': 0,
      '@_skipped': total.skipped,
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build(document) as string;
}

/** The JSON report of a run: the verdicts, the summary and the spec findings. */
export function jsonReport(run: VerifyRun): string {
  return `${JSON.stringify(
    {
      target: run.target,
      summary: summarize(run.results),
      pactFiles: run.pactFiles,
      interactions: run.results.map((r) => ({ ...r, verdict: verdictLabel(r) })),
      specFindings: run.findings,
    },
    null,
    2,
  )}\n`;
}
