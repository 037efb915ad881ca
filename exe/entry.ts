/**
 * @module
 * The main script of the standalone executable (`npm run build:exe`): one file holding the simulator
 * (`mde-sim serve`, `mde-sim ca`) and the client CLI (`mde-sim mde ...`, or the executable named or
 * linked as `mde`). Bundled to CommonJS, as Node's single executable applications require, so it starts
 * the programs directly instead of relying on `import.meta.main`.
 *
 * Not inside: `mde-sim verify`. Pact's verifier is a native library loaded from node_modules; the command
 * says so and points to the npm package.
 */
import { basename } from 'node:path';
import { main as runMde } from '../client/main.ts';
import { createProgram } from '../mock/server/main.ts';

const verifyElsewhere =
  "mde-sim verify is not in the standalone executable: Pact's verifier is a native library that cannot be " +
  'bundled. Use the npm package: npm i -D mde-sim node@24 @pact-foundation/pact ' +
  '@pactflow/openapi-pact-comparator, then npx mde-sim verify <pacts>.';

async function runMdeSim(argv: readonly string[]): Promise<void> {
  const program = createProgram();
  program.addHelpText(
    'after',
    `
This is the standalone executable (no Node.js needed). The client CLI is inside too: "${basename(process.execPath)} mde --help"
(or link the executable as "mde"). ${verifyElsewhere}`,
  );
  const verify = program.commands.find((command) => command.name() === 'verify');
  verify?.description(`(not in this executable) ${verify.description()}`).action(() => {
    process.stderr.write(`mde-sim: ${verifyElsewhere}\n`);
    process.exitCode = 2;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`mde-sim: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

// A single executable application sees argv as [executable, executable, ...arguments]; process.argv0 keeps
// the name it was started by (argv[0] is the resolved path, which a link named `mde` does not change).
const [executable = '', , ...args] = process.argv;
if (basename(process.argv0).replace(/\.exe$/, '') === 'mde') {
  void runMde(process.argv);
} else if (args[0] === 'mde') {
  void runMde([executable, executable, ...args.slice(1)]);
} else {
  void runMdeSim(process.argv);
}
