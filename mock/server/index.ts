/**
 * @module mde-sim/server
 * The standalone server (node:http + node:https) and the express adapter.
 */
export { mdeSimMiddleware } from './express.ts';
export { createRequestListener, toSimRequest } from './node-adapter.ts';
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
