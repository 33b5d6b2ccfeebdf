import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually } from '../helpers/app.js';
import { claimInProgress, hookOfClaim, keyWritesDuring } from '../helpers/idempotency-claims.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { createVerifyChannels } from '../../src/verify/channels.js';
import { createVerification } from '../../src/verify/service.js';
import {
  createVerification as requestVerification,
  createWithKey,
  freshPhone,
  startVerification,
  startVerifyKit,
  usageOf,
  verificationTransactions,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ env: { WAPING_VERIFY_PER_MINUTE: '1000' }, device: false });
  // One send every ten minutes: a code message stays queued behind the send before it.
  await linkSandboxDevice(kit.t, { pacing: { minIntervalMs: 600_000, jitterMs: 0 } });
});
afterAll(async () => {
  await kit.close();
});

const postgres = () => kit.t.app.ctx.dialect === 'postgres';

const transactionsOf = (work: () => Promise<void>) => verificationTransactions(kit.t, work);
const usage = () => usageOf(kit.t);

const verificationsTo = (phone: string) =>
  kit.t.app.ctx.db
    .selectFrom('verifications')
    .select(['id', 'status', 'failure_reason', 'attempt_state', 'attempt_message_id'])
    .where('phone', '=', phone)
    .orderBy('id')
    .execute();

const codeMessageOf = (verificationId: string) =>
  kit.t.app.ctx.db
    .selectFrom('messages')
    .select(['id', 'status'])
    .where('source_id', '=', verificationId)
    .executeTakeFirstOrThrow();

describe('a new verification stored by the statement that accepts its code message (PostgreSQL)', () => {
  it('supersedes the number’s pending verification, whose queued code message is canceled', async () => {
    const to = freshPhone();
    // Takes the line's one send for the next ten minutes.
    const warm = await kit.t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to, type: 'text', text: { body: 'hello' } },
    });
    expect(warm.statusCode).toBe(202);
    await eventually(
      async () =>
        (await kit.t.request({ method: 'GET', url: `/v1/messages/${warm.json().id}` })).json().status !==
        'queued',
    );
    const before = await usage();
    const first = await startVerification(kit.t, { to });
    expect((await codeMessageOf(first.id)).status).toBe('queued');

    let second = '';
    const opened = await transactionsOf(async () => {
      second = (await startVerification(kit.t, { to })).id;
    });
    // The store's (none on PostgreSQL), then the one that cancels the superseded code message.
    expect(opened).toBe((postgres() ? 0 : 1) + 1);
    const secondMessage = await codeMessageOf(second);
    expect(await verificationsTo(to)).toEqual([
      {
        id: first.id,
        status: 'canceled',
        failure_reason: 'superseded',
        attempt_state: 'waiting',
        attempt_message_id: (await codeMessageOf(first.id)).id,
      },
      {
        id: second,
        status: 'pending',
        failure_reason: null,
        attempt_state: 'waiting',
        attempt_message_id: secondMessage.id,
      },
    ]);
    // The superseded one's code is not sent: the statement returned it, and its message is dropped.
    expect((await codeMessageOf(first.id)).status).toBe('canceled');
    expect(secondMessage.status).toBe('queued');
    const after = await usage();
    expect(after.verifications).toBe(before.verifications + 2);
    expect(after.messagesSent).toBe(before.messagesSent + 2);
  });

  it('with an Idempotency-Key: the key records the verification and its answer in the same statement, and a retry replays it', async () => {
    const to = freshPhone();
    const before = await usage();
    let first: Awaited<ReturnType<typeof createWithKey>> | undefined;
    const { result: opened, writes } = await keyWritesDuring(kit.t.app.ctx.db, () =>
      transactionsOf(async () => {
        first = await createWithKey(kit.t, 'verify-alone-1', to);
      }),
    );
    expect(first!.statusCode).toBe(201);
    const id = first!.json().id as string;
    expect(opened).toBe(postgres() ? 0 : 1);
    // On PostgreSQL the key's record and answer are written by the statement: none after the response.
    expect(writes).toBe(postgres() ? 0 : 1);
    const key = await kit.t.app.ctx.db
      .selectFrom('idempotency_keys')
      .select(['state', 'resource_id'])
      .where('workspace_id', '=', kit.t.workspaceId)
      .where('key', '=', 'verify-alone-1')
      .executeTakeFirstOrThrow();
    expect(key).toEqual({ state: 'done', resource_id: id });

    const replay = await createWithKey(kit.t, 'verify-alone-1', to);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(first!.body);
    expect((await verificationsTo(to)).map((v) => v.id)).toEqual([id]);
    expect((await usage()).verifications).toBe(before.verifications + 1);
  });

  it('whose request lost its key’s claim to a retry stores, sends and counts nothing', async () => {
    const to = freshPhone();
    // The claim of a slow first request, which a retry has since taken over (a new token).
    await claimInProgress(kit.t, {
      key: 'verify-slow-1',
      body: { to },
      token: 'the-retry-token',
      claimedMsAgo: 0,
    });
    const slowHook = hookOfClaim(kit.t, 'verify-slow-1', 'the-first-token');
    const before = await usage();
    const channels = createVerifyChannels(kit.t.app.ctx.config);
    try {
      await expect(
        createVerification(kit.t.app.ctx, channels, kit.t.workspaceId, { to }, slowHook),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    } finally {
      channels.close();
    }
    expect(await verificationsTo(to)).toEqual([]);
    const messages = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('phone', '=', to)
      .execute();
    expect(messages).toEqual([]);
    expect(await usage()).toEqual(before);
    // The number's sends are taken back too: nothing was sent to it.
    const counts = await kit.t.app.ctx.db
      .selectFrom('verification_limit_counts')
      .select('count')
      .where('workspace_id', '=', kit.t.workspaceId)
      .where('subject', '=', to)
      .execute();
    expect(counts.reduce((sum, c) => sum + Number(c.count), 0)).toBe(0);
    const claim = await kit.t.app.ctx.db
      .selectFrom('idempotency_keys')
      .select(['state', 'resource_id', 'claim_token'])
      .where('workspace_id', '=', kit.t.workspaceId)
      .where('key', '=', 'verify-slow-1')
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ state: 'in_progress', resource_id: null, claim_token: 'the-retry-token' });
  });
});

describe('a new verification sent with an API key', () => {
  it('takes its workspace (plan, settings) from the key’s lookup instead of reading it again', async () => {
    const executor = kit.t.app.ctx.db.getExecutor();
    const original = executor.executeQuery.bind(executor);
    const workspaceReads: string[] = [];
    const spy = vi.spyOn(executor, 'executeQuery').mockImplementation((query, ...rest) => {
      if (/^select \* from "workspaces"/.test(query.sql)) workspaceReads.push(query.sql);
      return original(query, ...rest);
    });
    let created: LightMyRequestResponse | undefined;
    try {
      // A setting of the workspace the verification takes: the code length.
      const set = await kit.t.request({
        method: 'PATCH',
        url: '/v1/workspace',
        payload: { verification: { codeLength: 8 } },
      });
      expect(set.statusCode).toBe(200);
      workspaceReads.length = 0;
      created = await requestVerification(kit.t, { to: freshPhone() });
    } finally {
      spy.mockRestore();
    }
    expect(created.statusCode).toBe(201);
    expect(workspaceReads).toEqual([]);
    expect(created.json().codeLength).toBe(8);
  });
});
