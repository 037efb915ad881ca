/**
 * @module
 * The offline Entra ID: token endpoint, discovery documents and access-token verification, on WebCrypto
 * only, so it runs in Node and in a browser alike.
 *
 * The building blocks (claim builders, the assertion check, the token endpoint) are deliberately not exported:
 * hosts use the provider, and tests reach them by path.
 */
export type { AadstsErrorName } from './aadsts-errors.ts';
export { aadstsErrors } from './aadsts-errors.ts';
export type { AccessTokenClaims } from './access-token.ts';
export { certificateThumbprints } from './client-assertion.ts';
export type { DirectoryTenant, IdentityDirectory } from './directory.ts';
export { createStaticDirectory } from './directory.ts';
export type { PersistedSigningKeys } from './signing-keys.ts';
export type { IdentityRandom } from './token-identifiers.ts';
export type {
  IdentityProvider,
  IdentityProviderOptions,
  MintTokenOptions,
} from './token-issuer.ts';
export { createIdentityProvider, identityProviderDefaults } from './token-issuer.ts';
export type { AccessTokenVerification, TokenRejectionReason } from './token-verifier.ts';
