/**
 * The client's contract for the response actions a playbook calls beside unrestrict (issue 15): isolate,
 * unisolate, antivirus scan, investigation package (collect, link), stop and quarantine, offboard, and the
 * machine list. Each interaction is driven through the real DefenderClient and asserts what the client makes
 * of the answer, with matchers for what it reads.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import {
  ActionAlreadyInProgressError,
  BadRequestError,
  ForbiddenError,
  NotFoundError,
} from '../../client/index.ts';
import { providerStates } from '../provider-states.ts';
import {
  authorization,
  clientAt,
  errorTarget,
  exampleMachineId,
  machineIdMatcher,
  newPact,
  timestamp,
} from './consumer-pact.ts';

const { like, regex, uuid, integer, eachLike, fromProviderState } = MatchersV3;

const machineId = exampleMachineId;
const sha1 = '87662bc3d60e4200ceaf7aae249d1c343f4b83c9';
const exampleActionId = '7d6c5b4a-3928-4716-a5f4-e3d2c1b0a998';

const post =
  (body: Record<string, unknown>) =>
  (builder: {
    headers(h: Record<string, unknown>): typeof builder;
    jsonBody(b: unknown): typeof builder;
  }) => {
    builder.headers({ Authorization: authorization, 'Content-Type': 'application/json' });
    builder.jsonBody(body);
  };

/** What the client reads of a new action. */
const pendingAction = (type: string, extra: Record<string, unknown> = {}) => ({
  id: uuid('3f9b1c2d-6e7a-4b8c-9d0e-1f2a3b4c5d6e'),
  type,
  status: 'Pending',
  machineId: machineIdMatcher(),
  requestor: like('SOAR Playbook Automation'),
  requestorComment: like('comment'),
  creationDateTimeUtc: timestamp('2026-11-29T10:00:00Z'),
  lastUpdateDateTimeUtc: timestamp('2026-11-29T10:00:00.0000061Z'),
  errorHResult: integer(0),
  ...extra,
});

const errorBody = (code: unknown, message: unknown) => ({ error: { code, message, target: errorTarget } });

describe('response actions', () => {
  it('isolates a machine: 201 with a Pending Isolate action whose scope is the IsolationType', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineNotIsolated.name, { machineId })
      .uponReceiving('a request to isolate a machine fully')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/isolate`,
        post({ Comment: like('Isolate machine due to alert 1234'), IsolationType: 'Full' }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(pendingAction('Isolate', { scope: 'Full' }));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.isolateMachine(machineId, 'Isolate machine due to alert 1234', {
          isolationType: 'Full',
        });
        expect(action).toMatchObject({ type: 'Isolate', status: 'Pending', scope: 'Full' });
        await client.close();
      });
  });

  it('throws ForbiddenError when the app lacks Machine.Isolate (403)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineNotIsolated.name, { machineId })
      .given(providerStates.callerLacksRole.name)
      .uponReceiving('a request to isolate a machine from an app without Machine.Isolate')
      .withRequest('POST', `/api/machines/${machineId}/isolate`, post({ Comment: like('x') }))
      .willRespondWith(403, (builder) => {
        builder.jsonBody(
          errorBody(
            'Forbidden',
            regex(
              '^Missing application roles\\. API required roles: Machine\\.Isolate, application roles: .*\\.$',
              'Missing application roles. API required roles: Machine.Isolate, application roles: Machine.Read.All.',
            ),
          ),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.isolateMachine(machineId, 'x').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error).toMatchObject({ status: 403, mdeCode: 'Forbidden' });
        await client.close();
      });
  });

  it('releases an isolated machine: 201 with a Pending Unisolate action', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineIsolated.name, { machineId })
      .uponReceiving('a request to release an isolated machine')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/unisolate`,
        post({ Comment: like('Device cleared, releasing from isolation') }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(pendingAction('Unisolate', { scope: null }));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.unisolateMachine(machineId, 'Device cleared, releasing from isolation');
        expect(action).toMatchObject({ type: 'Unisolate', status: 'Pending' });
        await client.close();
      });
  });

  it('runs a quick antivirus scan: 201, scope Quick', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineNotIsolated.name, { machineId })
      .uponReceiving('a request to run a quick antivirus scan')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/runAntiVirusScan`,
        post({ Comment: like('Check machine for viruses due to alert 3212'), ScanType: 'Quick' }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(pendingAction('RunAntiVirusScan', { scope: 'Quick' }));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.runAntiVirusScan(
          machineId,
          'Check machine for viruses due to alert 3212',
        );
        expect(action).toMatchObject({ type: 'RunAntiVirusScan', scope: 'Quick' });
        await client.close();
      });
  });

  it('throws ActionAlreadyInProgressError on a second scan while one is pending (400)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.scanPending.name, { machineId })
      .uponReceiving('a request to scan while a scan is pending')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/runAntiVirusScan`,
        post({ Comment: like('again'), ScanType: 'Full' }),
      )
      .willRespondWith(400, (builder) => {
        builder.jsonBody(errorBody('ActiveRequestAlreadyExists', 'Action is already in progress'));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client
          .runAntiVirusScan(machineId, 'again', { scanType: 'Full' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
        await client.close();
      });
  });

  it('collects an investigation package: 201', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineNotIsolated.name, { machineId })
      .uponReceiving('a request to collect an investigation package')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/collectInvestigationPackage`,
        post({ Comment: like('Collect forensics due to alert 1234') }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(pendingAction('CollectInvestigationPackage'));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.collectInvestigationPackage(
          machineId,
          'Collect forensics due to alert 1234',
        );
        expect(action.type).toBe('CollectInvestigationPackage');
        await client.close();
      });
  });

  it('gets the package link of a finished collection (200, Edm.String)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.packageCollected.name, { actionId: exampleActionId })
      .uponReceiving('a request for the package link of a finished collection')
      .withRequest(
        'GET',
        fromProviderState(
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a pact provider-state expression, not a template
          '/api/machineactions/${actionId}/getPackageUri',
          `/api/machineactions/${exampleActionId}/getPackageUri`,
        ),
        (builder) => {
          builder.headers({ Authorization: authorization });
        },
      )
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          value: regex(
            '^https?://[^/]+/safedownload/WDATP_Investigation_Package\\.zip\\?token=\\S+$',
            'https://api.security.microsoft.com/safedownload/WDATP_Investigation_Package.zip?token=5f0c1a7e',
          ),
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const uri = await client.getPackageUri(exampleActionId);
        expect(uri).toMatch(/\/safedownload\/WDATP_Investigation_Package\.zip\?token=/);
        await client.close();
      });
  });

  it('throws NotFoundError for the link of a collection that has not finished (404)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.packageCollecting.name, { actionId: exampleActionId })
      .uponReceiving('a request for the package link of an unfinished collection')
      .withRequest(
        'GET',
        fromProviderState(
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a pact provider-state expression, not a template
          '/api/machineactions/${actionId}/getPackageUri',
          `/api/machineactions/${exampleActionId}/getPackageUri`,
        ),
        (builder) => {
          builder.headers({ Authorization: authorization });
        },
      )
      .willRespondWith(404, (builder) => {
        builder.jsonBody(errorBody('ResourceNotFound', like('not available')));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        await expect(client.getPackageUri(exampleActionId)).rejects.toBeInstanceOf(NotFoundError);
        await client.close();
      });
  });

  it('throws BadRequestError for the link of an action that is not a collection (payload 11)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.actionExists.name, { actionId: exampleActionId })
      .uponReceiving('a request for the package link of an action that is not a package collection')
      .withRequest(
        'GET',
        fromProviderState(
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a pact provider-state expression, not a template
          '/api/machineactions/${actionId}/getPackageUri',
          `/api/machineactions/${exampleActionId}/getPackageUri`,
        ),
        (builder) => {
          builder.headers({ Authorization: authorization });
        },
      )
      .willRespondWith(400, (builder) => {
        builder.jsonBody(
          errorBody(
            'InvalidInput',
            'Provided Guid is not a valid id for a CollectInvestigationPackage action',
          ),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.getPackageUri(exampleActionId).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BadRequestError);
        expect(error).toMatchObject({ status: 400, mdeCode: 'InvalidInput' });
        await client.close();
      });
  });

  it('stops and quarantines a file the machine saw: 201 with relatedFileInfo', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.fileSeenOnMachine.name, { machineId, sha1 })
      .uponReceiving('a request to stop and quarantine a file')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/StopAndQuarantineFile`,
        post({ Comment: like('Stop and quarantine file due to alert 4416'), Sha1: sha1 }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(
          pendingAction('StopAndQuarantineFile', {
            relatedFileInfo: { fileIdentifier: sha1, fileIdentifierType: 'Sha1' },
          }),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.stopAndQuarantineFile(
          machineId,
          'Stop and quarantine file due to alert 4416',
          sha1,
        );
        expect(action.relatedFileInfo).toEqual({ fileIdentifier: sha1, fileIdentifierType: 'Sha1' });
        await client.close();
      });
  });

  it('offboards a machine: 201 (not the docs 200)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineNotIsolated.name, { machineId })
      .uponReceiving('a request to offboard a machine')
      .withRequest(
        'POST',
        `/api/machines/${machineId}/offboard`,
        post({ Comment: like('Offboard machine by automation') }),
      )
      .willRespondWith(201, (builder) => {
        builder.jsonBody(pendingAction('Offboard'));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.offboardMachine(machineId, 'Offboard machine by automation');
        expect(action).toMatchObject({ type: 'Offboard', status: 'Pending' });
        await client.close();
      });
  });

  it('lists active onboarded machines with an OData $filter (200)', async () => {
    const filter = "onboardingStatus eq 'Onboarded' and healthStatus eq 'Active'";
    await newPact()
      .addInteraction()
      .given(providerStates.machineRestricted.name, { machineId })
      .uponReceiving('a request for the active onboarded machines')
      .withRequest('GET', '/api/machines', (builder) => {
        builder.headers({ Authorization: authorization });
        builder.query({ $filter: filter });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          value: eachLike({
            id: machineIdMatcher(),
            computerDnsName: like('fin-laptop-017.contoso-demo.local'),
            healthStatus: 'Active',
            onboardingStatus: 'Onboarded',
            riskScore: like('High'),
            lastIpAddress: like('10.20.4.17'),
          }),
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const { value } = await client.listMachines({ filter });
        expect(value.length).toBeGreaterThan(0);
        expect(value[0]).toMatchObject({ healthStatus: 'Active', onboardingStatus: 'Onboarded' });
        await client.close();
      });
  });
});
