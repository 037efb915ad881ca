/**
 * The Node.js version the package needs, checked by the bins before they load anything else.
 *
 * 22.19.0 is the highest minimum among the runtime's needs: undici 8 declares `>=22.19.0` (on Node 20 its
 * decompress interceptor crashes at start-up); commander 15 and msw 3 need 22.12; the sources run with
 * Node's built-in type stripping (unflagged since 22.18). `package.json` `engines` says the same
 * (`required-node.test.ts` holds them together).
 *
 * This file and the bins that import it must parse on any Node (no syntax newer than ES2017, no
 * top-level await, no `?.` or `??`): the check has to run before the first modern line does.
 * @module
 */

import * as nodeModule from 'node:module';

/**
 * Turns on Node's on-disk compile cache (Node 22.1+) before the program loads: later starts reuse the
 * compiled code of the CLI and its dependencies instead of compiling ~400 modules again (most of the
 * start-up time, measured by bench/run.ts). `NODE_DISABLE_COMPILE_CACHE=1` switches it off.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable === 'function') enable();
}

/** The lowest Node.js version the package runs on. */
export const requiredNodeVersion = '22.19.0';

/** True when `found` (e.g. `process.versions.node`) is at least `needed`. */
export function satisfiesVersion(found: string, needed: string): boolean {
  const have = found.split('.').map(Number);
  const want = needed.split('.').map(Number);
  for (let i = 0; i < want.length; i++) {
    const a = have[i] || 0;
    const b = want[i] || 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * Checks the running Node; when it is too old, prints one line (found, needed, how to get it) and sets
 * exit code 2. Returns whether the program may go on.
 */
export function checkNodeVersion(program: string): boolean {
  const found = process.versions.node;
  if (satisfiesVersion(found, requiredNodeVersion)) return true;
  process.stderr.write(
    `${program}: Node.js ${found} found, ${requiredNodeVersion} or newer needed. ` +
      `Add Node 24 to your project with "npm i -D node@24" and run "npx ${program}" again, ` +
      'or use the standalone executable (no Node needed; see the README).\n',
  );
  process.exitCode = 2;
  return false;
}
