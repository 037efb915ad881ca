/**
 * @module mde-sim/server
 * The standalone server (node:http + node:https) over one simulator, and its TLS material. The express
 * adapter has its own entry, `mde-sim/express`; the request listener is the server's inside.
 */
export { type RunningServer, type ServerOptions, startServer } from './server.ts';
// Thrown by startServer/loadOrCreateTls when a state file is damaged (stable code MDE_SIM_STATE_FILE).
export { StateFileError } from './state-file-error.ts';
export {
  type AppCertificate,
  loadOrCreateAppCertificate,
  loadOrCreateTls,
  type SimulatorTls,
  type TlsOptions,
} from './tls.ts';
