/**
 * @module
 * The journal as an HTTP Archive (HAR 1.2), for browser dev-tools, proxies and HAR viewers. Every entry is
 * there; bodies only for calls made while traffic recording was on, already redacted, and headers only as
 * the journal keeps them (credentials reduced to their scheme).
 */
import type { JournalEntry } from './journal.ts';

/** Options of {@link harFromJournal}. */
export interface HarOptions {
  /** `scheme://host[:port]` the requests are shown against (the journal does not keep the host). */
  origin: string;
  /** The `creator.version` written. @default '0' */
  version?: string;
}

interface HarHeader {
  name: string;
  value: string;
}

const STATUS_TEXT: Record<number, string> = {
  0: '',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function headerList(headers: Readonly<Record<string, string>>): HarHeader[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/** UTF-8 size of a text, as HAR counts bodies. */
function byteSize(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The HAR 1.2 document of journal entries (oldest first). */
export function harFromJournal(entries: readonly JournalEntry[], options: HarOptions) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'mde-sim', version: options.version ?? '0' },
      entries: entries.map((entry) => {
        const exchange = entry.exchange;
        const requestBody = exchange?.requestBody;
        const responseBody = exchange?.responseBody;
        const responseType = exchange?.responseHeaders['content-type'] ?? '';
        const time = Math.max(0, entry.durationMs);
        return {
          startedDateTime: entry.time,
          time,
          request: {
            method: entry.method,
            url: `${options.origin}${entry.path}${entry.query ? `?${entry.query}` : ''}`,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: headerList(entry.headers),
            queryString: [...new URLSearchParams(entry.query)].map(([name, value]) => ({ name, value })),
            ...(requestBody === undefined
              ? {}
              : { postData: { mimeType: entry.headers['content-type'] ?? '', text: requestBody } }),
            headersSize: -1,
            bodySize: requestBody === undefined ? (exchange === undefined ? -1 : 0) : byteSize(requestBody),
          },
          response: {
            status: entry.status,
            statusText: STATUS_TEXT[entry.status] ?? '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: headerList(exchange?.responseHeaders ?? {}),
            content: {
              size: responseBody === undefined ? 0 : byteSize(responseBody),
              mimeType: responseType,
              ...(responseBody === undefined ? {} : { text: responseBody }),
              ...(exchange === undefined ? { comment: 'body not recorded (traffic recording was off)' } : {}),
            },
            redirectURL: '',
            headersSize: -1,
            bodySize: responseBody === undefined ? -1 : byteSize(responseBody),
          },
          cache: {},
          timings: { send: 0, wait: time, receive: 0 },
          ...(entry.operation === undefined ? {} : { comment: entry.operation }),
        };
      }),
    },
  };
}
