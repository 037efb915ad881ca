/**
 * The client's contract for `POST /api/machines/{id}/unrestrictCodeExecution`: one interaction per
 * documented outcome, each driven through the real DefenderClient, asserting what the client makes of it.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import {
  ActionAlreadyInProgressError,
  ErrorCodes,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
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

const { like, regex, uuid, integer } = MatchersV3;

const machineId = exampleMachineId;
const path = `/api/machines/${machineId}/unrestrictCodeExecution`;
const comment = 'Unrestrict code execution since machine was cleaned and validated';

const request = (builder: {
  headers(h: Record<string, unknown>): typeof builder;
  jsonBody(b: unknown): typeof builder;
}) => {
  builder.headers({ Authorization: authorization, 'Content-Type': 'application/json' });
  builder.jsonBody({ Comment: like(comment) });
};

const errorBody = (code: unknown, message: unknown) => ({ error: { code, message, target: errorTarget } });

describe('unrestrictCodeExecution', () => {
  it('returns the new Pending UnrestrictCodeExecution action (201)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineRestricted.name, { machineId })
      .uponReceiving('a request to remove the app restriction of a restricted machine')
      .withRequest('POST', path, request)
      .willRespondWith(201, (builder) => {
        builder.jsonBody({
          id: uuid('8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a'),
          type: 'UnrestrictCodeExecution',
          status: 'Pending',
          machineId: machineIdMatcher(),
          requestor: like('SOAR Playbook Automation'),
          requestorComment: like(comment),
          creationDateTimeUtc: timestamp('2026-01-30T21:11:22.8419303Z'),
          lastUpdateDateTimeUtc: timestamp('2026-01-30T21:11:22.8419314Z'),
          errorHResult: integer(0),
        });
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const action = await client.unrestrictCodeExecution(machineId, comment);
        expect(action).toMatchObject({
          id: '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a',
          type: 'UnrestrictCodeExecution',
          status: 'Pending',
        });
        await client.close();
      });
  });

  it('throws ActionAlreadyInProgressError on 400 ActiveRequestAlreadyExists "Action is already in progress"', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.unrestrictPending.name, { machineId })
      .uponReceiving('a request to remove the app restriction while an unrestrict is pending')
      .withRequest('POST', path, request)
      .willRespondWith(400, (builder) => {
        builder.jsonBody(errorBody('ActiveRequestAlreadyExists', 'Action is already in progress'));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.unrestrictCodeExecution(machineId, comment).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
        expect(error).toMatchObject({
          code: ErrorCodes.actionInProgress,
          status: 400,
          mdeCode: 'ActiveRequestAlreadyExists',
          target: '|b1838e63-40a6640ddd2719ac.',
        });
        await client.close();
      });
  });

  it('throws UnauthorizedError on 401 (after its one token refresh)', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineRestricted.name, { machineId })
      .given(providerStates.callerTokenInvalid.name)
      .uponReceiving('a request to remove the app restriction with an invalid token')
      .withRequest('POST', path, request)
      .willRespondWith(401, (builder) => {
        builder.jsonBody(
          errorBody('Unauthorized', like('Unauthorized (invalid or expired authorization header).')),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.unrestrictCodeExecution(machineId, comment).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnauthorizedError);
        expect(error).toMatchObject({ code: ErrorCodes.unauthorized, status: 401, mdeCode: 'Unauthorized' });
        await client.close();
      });
  });

  it('throws ForbiddenError on 403 when the app lacks Machine.RestrictExecution', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineRestricted.name, { machineId })
      .given(providerStates.callerLacksRole.name)
      .uponReceiving('a request to remove the app restriction from an app without Machine.RestrictExecution')
      .withRequest('POST', path, request)
      .willRespondWith(403, (builder) => {
        builder.jsonBody(
          errorBody(
            'Forbidden',
            like(
              'Missing application roles. API required roles: Machine.RestrictExecution, application roles: Machine.Read.All.',
            ),
          ),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.unrestrictCodeExecution(machineId, comment).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error).toMatchObject({ code: ErrorCodes.forbidden, status: 403, mdeCode: 'Forbidden' });
        expect((error as Error).message).toContain('Machine.RestrictExecution');
        await client.close();
      });
  });

  it('throws NotFoundError on 404 ResourceNotFound for an unknown machine', async () => {
    const unknown = '0123456789abcdef0123456789abcdef01234567';
    await newPact()
      .addInteraction()
      .given(providerStates.machineMissing.name, { machineId: unknown })
      .uponReceiving('a request to remove the app restriction of a machine that does not exist')
      .withRequest('POST', `/api/machines/${unknown}/unrestrictCodeExecution`, request)
      .willRespondWith(404, (builder) => {
        builder.jsonBody(errorBody('ResourceNotFound', like(`Machine ${unknown} was not found`)));
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.unrestrictCodeExecution(unknown, comment).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: ErrorCodes.notFound, status: 404, mdeCode: 'ResourceNotFound' });
        await client.close();
      });
  });

  it('throws RateLimitedError with retryAfterMs from Retry-After on 429', async () => {
    await newPact()
      .addInteraction()
      .given(providerStates.machineRestricted.name, { machineId })
      .given(providerStates.rateLimitExhausted.name)
      .uponReceiving('a request to remove the app restriction once the quota is exhausted')
      .withRequest('POST', path, request)
      .willRespondWith(429, (builder) => {
        builder.headers({ 'Retry-After': regex('^[1-9]\\d*$', '42') });
        builder.jsonBody(
          errorBody(
            '429',
            regex(
              '^API calls quota exceeded! .* You can send requests again in \\d+ seconds\\.$',
              'API calls quota exceeded! Maximum allowed 100 per 00:01:00 for the key Destination+TenantID+AppID. You can send requests again in 42 seconds.',
            ),
          ),
        );
      })
      .executeTest(async (server) => {
        const client = clientAt(server.url);
        const error = await client.unrestrictCodeExecution(machineId, comment).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RateLimitedError);
        expect(error).toMatchObject({
          code: ErrorCodes.rateLimited,
          status: 429,
          mdeCode: '429',
          retryAfterMs: 42_000,
        });
        await client.close();
      });
  });

  it('never sends an empty comment: the client refuses it before any request (so no 400 InvalidInput interaction exists)', async () => {
    // The service answers an empty Comment with 400 InvalidInput, but the real client cannot produce that
    // request: it rejects a blank comment itself. A pact interaction the client can never send would be a
    // contract about somebody else's code, so there is none; this test pins the reason.
    const client = clientAt('http://127.0.0.1:9');
    await expect(client.unrestrictCodeExecution(machineId, '')).rejects.toThrow(TypeError);
    await expect(client.unrestrictCodeExecution(machineId, '   ')).rejects.toThrow(/comment/);
    await client.close();
  });
});
