import { describe, expect, it } from 'vitest';
import { redactBody } from './traffic-recorder.ts';

describe('redactBody', () => {
  it('redacts every credential of an identity form: secret, password, assertion, code, tokens', () => {
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: 'c1',
      client_secret: 'shh',
      username: 'ana@contoso.com',
      password: 'hunter2',
      client_assertion: 'eyJ.assertion.sig',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      code: 'auth-code',
      code_verifier: 'verifier',
      refresh_token: 'rt',
    }).toString();
    const kept = new URLSearchParams(redactBody(form, 'application/x-www-form-urlencoded', false));
    for (const secret of [
      'client_secret',
      'password',
      'client_assertion',
      'code',
      'code_verifier',
      'refresh_token',
    ])
      expect(kept.get(secret), secret).toBe('[redacted]');
    expect(kept.get('username')).toBe('ana@contoso.com');
    expect(kept.get('client_assertion_type')).toMatch(/^urn:/);
  });

  it('redacts tokens and secrets in JSON at any depth, and keeps an error code', () => {
    const body = JSON.stringify({
      access_token: 'at',
      nested: [{ clientSecret: 's', id_token: 'it' }],
      error: { code: 'Unauthorized' },
    });
    expect(JSON.parse(redactBody(body, 'application/json', false))).toEqual({
      access_token: '[redacted]',
      nested: [{ clientSecret: '[redacted]', id_token: '[redacted]' }],
      error: { code: 'Unauthorized' },
    });
  });

  it('keeps an API body that is not JSON as sent, and drops any other', () => {
    expect(redactBody('{"Comment":', 'application/json', true)).toBe('{"Comment":');
    expect(redactBody('secret=1', 'text/plain', false)).toBe('[redacted: not JSON or a form]');
  });
});
