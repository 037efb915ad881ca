/**
 * The client's contract for `GET /api/machineactions/{id}`, the call waitForMachineAction polls: the action
 * (200), an unknown id (404) and a key that is not a GUID (400 BadRequest, the one 400 body the real client
 * can provoke).
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { BadRequestError, ErrorCodes, NotFoundError } from '../../client/index.ts';
import { providerStates } from '../provider-states.ts';
import {
  authorization,
  clientAt,
  errorTarget,
  machineIdMatcher,
  newPact,
  timestamp,
} from './consumer-pact.ts';

const { like, regex, uuid, fromProviderState } = MatchersV3;

const exampleActionId = '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a';
const anyStatus = '^(Pending|InProgress|Succeeded|Failed|TimeOut|Cancelled)$';

describe('getMachineAction', () => {
  it('polls an action until a final status (200)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.actionExists.name, { actionId: exampleActionId })
      .uponReceiving('a request for a machine action')
      .withRequest(
        'GET',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a pact provider-state expression, not a template
        fromProviderState('/api/machineactions/${actionId}', `/api/machineactions/${exampleActionId}`),
        (builder) => {
          builder.headers({ Authorization: authorization });
        },
      )
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          id: uuid(exampleActionId),
          type: like('UnrestrictCodeExecution'),
          status: regex(anyStatus, 'Succeeded'),
          machineId: machineIdMatcher(),
          requestor: like('SOAR Playbook Automation'),
          requestorComment: like('Unrestrict code execution since machine was cleaned and validated'),
          creationDateTimeUtc: timestamp('2026-01-30T21:11:22.8419303Z'),
          lastUpdateDateTimeUtc: timestamp('2026-01-30T21:11:41.0371456Z'),
          errorHResult: MatchersV3.integer(0),
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const polls: string[] = [];
        const final = await client.waitForMachineAction(exampleActionId, {
          pollIntervalMs: 0,
          onPoll: (action) => polls.push(action.status),
        });
        expect(final).toMatchObject({ id: exampleActionId, status: 'Succeeded' });
        expect(polls).toEqual(['Succeeded']);
        await client.close();
      });
  });

  it('throws NotFoundError on 404 ResourceNotFound for an unknown action id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await newPact()
      .addInteraction()
      .given(providerStates.actionMissing.name, { actionId: unknown })
      .uponReceiving('a request for a machine action that does not exist')
      .withRequest('GET', `/api/machineactions/${unknown}`, (builder) => {
        builder.headers({ Authorization: authorization });
      })
      .willRespondWith(404, (builder) => {
        builder.jsonBody({
          error: {
            code: 'ResourceNotFound',
            message: like(`Machine action ${unknown} was not found`),
            target: errorTarget,
          },
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.getMachineAction(unknown).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: ErrorCodes.notFound, status: 404, mdeCode: 'ResourceNotFound' });
        await client.close();
      });
  });

  it('throws BadRequestError on 400 BadRequest for a key that is not a GUID', async () => {
    const notAGuid = '556b3952acb0bff29816d267822305781cc183ec';
    await newPact()
      .addInteraction()
      .uponReceiving('a request for a machine action by a key that is not a GUID')
      .withRequest('GET', `/api/machineactions/${notAGuid}`, (builder) => {
        builder.headers({ Authorization: authorization });
      })
      .willRespondWith(400, (builder) => {
        builder.jsonBody({
          error: {
            code: 'BadRequest',
            message: like(
              `The key value (${notAGuid}) from request is not valid. The key value should be format of type 'Edm.Guid'.`,
            ),
            target: errorTarget,
          },
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.getMachineAction(notAGuid).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BadRequestError);
        expect(error).toMatchObject({ code: ErrorCodes.badRequest, status: 400, mdeCode: 'BadRequest' });
        await client.close();
      });
  });
});
