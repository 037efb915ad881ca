/**
 * @module mde-sim/server
 * The standalone server (node:http + node:https) over one simulator. The express adapter has its own
 * entry, `mde-sim/express`; the TLS helpers and the request listener are the server's inside.
 */
export { type RunningServer, type ServerOptions, startServer } from './server.ts';
