/**
 * @module mde-sim/server
 * The standalone server (node:http + node:https) and the express adapter.
 */
export { mdeSimMiddleware } from './express.ts';
export { createRequestListener, toSimRequest } from './node-adapter.ts';
export { type RunningServer, type ServerOptions, startServer } from './server.ts';
export {
  type AppCertificate,
  loadOrCreateAppCertificate,
  loadOrCreateTls,
  type SimulatorTls,
} from './tls.ts';
