/**
 * @module
 * The seeded demo tenant `npm start` serves: machines with realistic ids, platforms and device groups
 * (some restricted, one offline, one whose actions fail), an app with Machine.RestrictExecution, an app
 * without it, a user with the 'Active remediation actions' role and one without. All secrets here are
 * demo values, printed on start.
 */
import type { TenantSeed } from './seed.ts';

/** The demo tenant's id. */
export const DEMO_TENANT_ID = 'd2c0b5e4-7a1f-4c3e-9b8d-1f6a2e4c7b90';

/** A fresh copy of the demo tenant seed. */
export function demoTenant(): TenantSeed {
  return {
    id: DEMO_TENANT_ID,
    domain: 'contoso-demo.onmicrosoft.com',
    displayName: 'Contoso (mde-sim demo)',
    apps: [
      {
        clientId: '5b0c3f7e-2a41-4d8b-9e6c-0f1a2b3c4d5e',
        displayName: 'SOAR Playbook Automation',
        clientSecret: 'demo-soar-secret~8Qm2vX4kP9tL',
        roles: ['Machine.RestrictExecution', 'Machine.Isolate', 'Machine.Read.All'],
      },
      {
        clientId: '8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190',
        displayName: 'Inventory Reporter',
        clientSecret: 'demo-reporter-secret~3Zr7nB1wH6sD',
        roles: ['Machine.Read.All'],
      },
      {
        clientId: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
        displayName: 'MDE Analyst Console',
        isPublicClient: true,
        roles: [],
        delegatedScopes: ['Machine.RestrictExecution', 'Machine.Isolate', 'Machine.Read'],
      },
    ],
    users: [
      {
        objectId: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
        userPrincipalName: 'alex.analyst@contoso-demo.onmicrosoft.com',
        displayName: 'Alex Analyst',
        password: 'demo-Analyst-Pa55!',
        mdeRoles: ['View Data', 'Active remediation actions'],
        deviceGroups: ['*'],
      },
      {
        objectId: '1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d',
        userPrincipalName: 'hana.helpdesk@contoso-demo.onmicrosoft.com',
        displayName: 'Hana Helpdesk',
        password: 'demo-Helpdesk-Pa55!',
        mdeRoles: ['View Data', 'Active remediation actions'],
        deviceGroups: ['Workstations'],
      },
      {
        objectId: '2b3c4d5e-6f7a-4b1c-8d2e-3f4a5b6c7d8e',
        userPrincipalName: 'victor.viewer@contoso-demo.onmicrosoft.com',
        displayName: 'Victor Viewer',
        password: 'demo-Viewer-Pa55!',
        mdeRoles: ['View Data'],
        deviceGroups: ['*'],
      },
    ],
    machines: [
      {
        id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
        computerDnsName: 'fin-laptop-017.contoso-demo.local',
        osPlatform: 'Windows11',
        version: '24H2',
        osBuild: 26100,
        rbacGroupId: 4107,
        rbacGroupName: 'Workstations',
        riskScore: 'High',
        exposureLevel: 'Medium',
        lastIpAddress: '10.20.4.17',
        sim: { restricted: true },
      },
      {
        id: '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9',
        computerDnsName: 'hr-desktop-042.contoso-demo.local',
        osPlatform: 'Windows10',
        version: '22H2',
        osBuild: 19045,
        rbacGroupId: 4107,
        rbacGroupName: 'Workstations',
        riskScore: 'Medium',
        exposureLevel: 'Medium',
        lastIpAddress: '10.20.7.42',
        sim: { restricted: true },
      },
      {
        id: 'f70f9fe6b29cd9511652434919c6530618f06606',
        computerDnsName: 'dev-ws-108.contoso-demo.local',
        osPlatform: 'Windows11',
        version: '23H2',
        osBuild: 22631,
        rbacGroupId: 4107,
        rbacGroupName: 'Workstations',
        riskScore: 'Low',
        lastIpAddress: '10.20.9.108',
      },
      {
        id: '556b3952acb0bff29816d267822305781cc183ec',
        computerDnsName: 'srv-sql-01.contoso-demo.local',
        osPlatform: 'WindowsServer2022',
        version: '21H2',
        osBuild: 20348,
        rbacGroupId: 4108,
        rbacGroupName: 'Servers',
        deviceValue: 'High',
        riskScore: 'Informational',
        lastIpAddress: '10.10.1.21',
        sim: { restricted: true },
      },
      {
        id: '7b1f4967d9728e5aa3c06a9e617a22a4a5a17378',
        computerDnsName: 'sales-laptop-233.contoso-demo.local',
        osPlatform: 'Windows11',
        version: '24H2',
        osBuild: 26100,
        rbacGroupId: 4107,
        rbacGroupName: 'Workstations',
        healthStatus: 'Inactive',
        lastSeen: '2026-11-20T08:14:51.3318402Z',
        lastIpAddress: '10.20.5.233',
        sim: { online: false, restricted: true },
      },
      {
        id: 'c3a8e21f9d0b47f65e1a2c3d4b5e6f708192a3b4',
        computerDnsName: 'kiosk-lobby-02.contoso-demo.local',
        osPlatform: 'Windows10',
        version: '21H2',
        osBuild: 19044,
        rbacGroupId: 4107,
        rbacGroupName: 'Workstations',
        healthStatus: 'ImpairedCommunication',
        lastIpAddress: '10.20.1.2',
        sim: { outcome: 'fail', restricted: true },
      },
    ],
  };
}
