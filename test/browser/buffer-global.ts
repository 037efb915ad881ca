/**
 * Injected by build.ts wherever bundled code reads the Node global `Buffer`: openapi-backend's
 * @apidevtools/json-schema-ref-parser calls `Buffer.isBuffer` while loading the spec, and browsers have no
 * `Buffer`. The library's README gives this same fix for browsers (the `buffer` package, provided as `Buffer`).
 */
export { Buffer } from 'buffer';
