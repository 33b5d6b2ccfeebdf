import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { setupOwner, type Browser } from './session.js';

const it = appTest();

let owner: Browser;
const addMember = (email: string, password: string) =>
  owner.request({ method: 'POST', url: '/v1/team', payload: { email, password, role: 'viewer' } });

describe('rules for a new password', () => {
  it.beforeAll(async ({ t }) => {
    owner = await setupOwner(t);
  });

  const refused: [string, string, string][] = [
    ['eleven char', 'too_short', 'at least 12 characters'],
    ['            ', 'repetitive', 'repeated'],
    ['aaaaaaaaaaaaaaaaaaaa1', 'repetitive', 'repeated'],
    ['abcabcabcabcabc', 'repetitive', 'repeated'],
    ['ha ha ha ha ha ha', 'repetitive', 'repeated'],
    ['dana.smith@example.com', 'contains_email', 'email'],
    ['my name is dana.smith ok', 'contains_email', 'email'],
    ['QWERTYUIOP12345', 'common', 'common passwords'],
    ['1qaz2wsx3edc', 'common', 'common passwords'],
    ['Football2024!!', 'common', 'common passwords'],
    ['123sunshine456', 'common', 'common passwords'],
  ];
  for (const [password, reason, says] of refused) {
    it(`refuses ${JSON.stringify(password)} (${reason})`, async () => {
      const response = await addMember('dana.smith@example.com', password);
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('WEAK_PASSWORD');
      expect(error.message).toContain(says);
      expect(error.details[0]).toMatchObject({ field: 'body.password', reason });
    });
  }

  it('takes a long passphrase without any composition rule', async () => {
    expect((await addMember('dana.smith@example.com', 'blue kettle on the stove')).statusCode).toBe(201);
  });

  it('applies to a changed password too', async () => {
    const response = await owner.request({
      method: 'POST',
      url: '/auth/password',
      payload: { currentPassword: 'correct horse battery', newPassword: 'owner@example.com!' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(response.json().error.details[0].field).toBe('body.newPassword');
  });
});
