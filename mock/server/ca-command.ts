/**
 * @module
 * `mde-sim ca`: where the simulator's CA certificate is (absolute path), its PEM, and how to trust it from
 * Node, Python, curl and the operating system's store. The CA is created in the state directory if it is
 * not there yet, so the command works before the first `serve`.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadOrCreateTls } from './tls.ts';

/** Where the command writes. @default process.stdout */
export interface CaCommandIo {
  out: { write(text: string): unknown };
}

/** The trust instructions for the CA at `path` (absolute). */
export function trustInstructions(path: string): string {
  const quoted = /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
  return [
    'Trust it:',
    `  Node.js (msal-node, fetch, undici; read at start-up):  export NODE_EXTRA_CA_CERTS=${quoted}`,
    `  Python (requests, httpx, ssl):  export REQUESTS_CA_BUNDLE=${quoted} SSL_CERT_FILE=${quoted}`,
    `  curl:  curl --cacert ${quoted} https://127.0.0.1:5443/...`,
    `  Debian/Ubuntu store:  sudo cp ${quoted} /usr/local/share/ca-certificates/mde-sim.crt && sudo update-ca-certificates`,
    `  RHEL/Fedora store:  sudo cp ${quoted} /etc/pki/ca-trust/source/anchors/mde-sim.crt && sudo update-ca-trust`,
    `  macOS keychain:  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${quoted}`,
    `  Windows store (elevated PowerShell):  Import-Certificate -FilePath ${quoted} -CertStoreLocation Cert:\\LocalMachine\\Root`,
    'REQUESTS_CA_BUNDLE and SSL_CERT_FILE replace the default bundle: only the simulator is then trusted.',
  ].join('\n');
}

/** Adds `ca` to the `mde-sim` program. */
export function registerCaCommand(program: Command, io: CaCommandIo = { out: process.stdout }): Command {
  program
    .command('ca')
    .description(
      "Print the CA certificate's absolute path, its PEM and how to trust it (creates it if needed)",
    )
    .addOption(
      new Option('--state-dir <dir>', 'the state directory `serve` uses')
        .env('MDE_SIM_STATE_DIR')
        .default('.mde-sim'),
    )
    .option('--path', 'print only the absolute path (for scripts: NODE_EXTRA_CA_CERTS=$(mde-sim ca --path))')
    .action(async (flags: { stateDir: string; path?: boolean }) => {
      const tls = await loadOrCreateTls(flags.stateDir);
      if (flags.path === true) {
        io.out.write(`${tls.caCertPath}\n`);
        return;
      }
      io.out.write(
        `CA certificate: ${tls.caCertPath}\n\n${tls.caCertPem.trim()}\n\n${trustInstructions(tls.caCertPath)}\n`,
      );
    });
  return program;
}
