import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { signedIn } from './session.js';

// Email configured, SMS not: the dashboard must be told exactly that.
const it = appTest({ env: { WAPING_SMTP_URL: 'smtp://127.0.0.1:2525' } });

describe('what the server tells the dashboard it is configured for', () => {
  it('names the configured channels and whether alert emails can go out, to every role', async ({ t }) => {
    const viewer = await signedIn(t, 'viewer');
    const res = await viewer.request({ method: 'GET', url: '/v1/dashboard/capabilities' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ channels: { whatsapp: true, sms: false, email: true }, alertEmails: true });
  });
});
