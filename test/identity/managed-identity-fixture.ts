/**
 * The tenant the managed-identity tests share: the demo tenant plus a system-assigned identity (a Logic App
 * playbook), a user-assigned one (MDEAutomator's), and an app with two federated credentials (that identity,
 * and a GitHub-Actions-like external issuer whose JWKS is seeded).
 */
import { exportJWK, type generateKeyPair } from 'jose';
import { demoTenant } from '../../mock/core/demo-tenant.ts';
import type { TenantSeed } from '../../mock/core/seed.ts';
import type { ManagedIdentity } from '../../mock/core/types.ts';
import { TENANT } from '../helpers/sim-server.ts';

export const MDE = 'https://api.securitycenter.microsoft.com';
export const SYSTEM: ManagedIdentity = {
  kind: 'system-assigned',
  clientId: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  objectId: '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
  resourceId: `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/soc/providers/Microsoft.Logic/workflows/isolate-playbook`,
  displayName: 'isolate-playbook',
  roles: ['Machine.Read.All'],
};
export const USER: ManagedIdentity = {
  kind: 'user-assigned',
  clientId: '2e3f4a5b-6c7d-4e8f-9a0b-c1d2e3f4a5b6',
  objectId: '3f4a5b6c-7d8e-4f9a-8b1c-d2e3f4a5b6c7',
  resourceId: `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/soc/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mdeautomator`,
  displayName: 'mdeautomator',
  roles: ['Machine.RestrictExecution', 'Machine.Read.All'],
};
export const FEDERATED_APP = '4a5b6c7d-8e9f-4a0b-9c1d-e2f3a4b5c6d7';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const GITHUB_SUBJECT = 'repo:contoso/soar:ref:refs/heads/main';

export async function managedIdentityTenant(
  github: Awaited<ReturnType<typeof generateKeyPair>>,
): Promise<TenantSeed> {
  const tenant: TenantSeed = demoTenant();
  tenant.managedIdentities = [SYSTEM, USER];
  tenant.apps.push({
    clientId: FEDERATED_APP,
    displayName: 'MDEAutomator',
    roles: ['Machine.RestrictExecution', 'Machine.Read.All'],
    federatedCredentials: [
      { name: 'uami', issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, subject: USER.objectId },
      {
        name: 'github-main',
        issuer: GITHUB_ISSUER,
        subject: GITHUB_SUBJECT,
        jwks: { keys: [{ ...(await exportJWK(github.publicKey)), kid: 'gh1', alg: 'RS256' }] },
      },
    ],
  });
  return tenant;
}
