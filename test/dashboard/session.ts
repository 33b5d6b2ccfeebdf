import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/workspaces/tables.js';
import { createUser } from '../../src/workspaces/users.js';
import type { TestApp } from '../helpers/app.js';

export const OWNER = { email: 'owner@example.com', password: 'correct horse battery', name: 'Olivia Owner' };

/** The password `signedIn` gives every member: long enough, not common, not the email. */
export const MEMBER_PASSWORD = 'seven quiet lanterns';

/** A signed-in browser as the API sees it: the session cookie and the CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  /** A request with the cookie (and the CSRF header unless `csrf: null` or another value is given). */
  request(options: InjectOptions & { csrf?: string | null }): Promise<LightMyRequestResponse>;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'waping_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `waping_session=${cookie.value}`;
}

export function browserFor(t: TestApp, response: LightMyRequestResponse): Browser {
  const cookie = sessionCookie(response);
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request: ({ csrf: given, ...options }) => {
      const headers = { ...(options.headers ?? {}), cookie } as Record<string, string>;
      const token = given === undefined ? csrf : given;
      if (token !== null) headers['x-csrf-token'] = token;
      return t.request({ ...options, headers, key: null });
    },
  };
}

export async function setupOwner(t: TestApp): Promise<Browser> {
  const response = await t.request({ method: 'POST', url: '/auth/setup', payload: OWNER, key: null });
  if (response.statusCode !== 200) throw new Error(`setup failed: ${response.body}`);
  return browserFor(t, response);
}

export async function login(t: TestApp, email: string, password: string, ip = '127.0.0.1') {
  return t.request({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    key: null,
  });
}

/** A user with this role in the default workspace, signed in. */
export async function signedIn(t: TestApp, role: Role, email = `${role}@example.com`): Promise<Browser> {
  const password = MEMBER_PASSWORD;
  await createUser(t.app.ctx.db, { email, password, workspaceId: t.workspaceId, role, now: new Date() });
  const response = await login(t, email, password);
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return browserFor(t, response);
}

/** A clock tests move by hand (session expiry, the throttling window). */
export function manualClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
