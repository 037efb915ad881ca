// An unmodified msal-node ConfidentialClientApplication with the default authority host, run as a user would:
// `NODE_USE_ENV_PROXY=1 HTTPS_PROXY=<mde-sim proxy> NODE_EXTRA_CA_CERTS=<mde-sim ca.crt> node msal-node-child.mjs`.
// It prints one JSON line: the token's audience and what the API answered.
import { ConfidentialClientApplication } from '@azure/msal-node';

const { MDE_TENANT_ID: tenant, MDE_CLIENT_ID: clientId, MDE_CLIENT_SECRET: clientSecret } = process.env;
const app = new ConfidentialClientApplication({
  auth: { clientId, clientSecret, authority: `https://login.microsoftonline.com/${tenant}` },
});
const result = await app.acquireTokenByClientCredential({
  scopes: ['https://api.securitycenter.microsoft.com/.default'],
});
const response = await fetch('https://api.securitycenter.microsoft.com/api/machineactions', {
  headers: { authorization: `Bearer ${result.accessToken}` },
});
const body = await response.json();
const aud = JSON.parse(Buffer.from(result.accessToken.split('.')[1], 'base64url').toString()).aud;
process.stdout.write(
  `${JSON.stringify({ aud, status: response.status, context: body['@odata.context'] })}\n`,
);
