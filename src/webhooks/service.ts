import { recordAudit, SYSTEM_ACTOR, type AuditBy } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { AppError, conflict, notFound, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Plan } from '../workspaces/plans.js';
import { lockWorkspace } from '../workspaces/store.js';
import { findDelivery, listAttempts, requeueDelivery, resumeDeliveries } from './delivery-log.js';
import { generateSecret, ROTATION_OVERLAP_MS, SecretBox } from './signing.js';
import {
  countEndpoints,
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  lockedEndpoint,
  updateEndpoint,
  type EndpointPatch,
} from './store.js';
import type { EndpointRow } from './tables.js';
import { checkWebhookUrl } from './url-guard.js';
import { enqueueDeliveries } from './fanout.js';
import type { WebhookInput, WebhookPatch } from './schemas.js';
import { toDeliveryView, toWebhookView, type DeliveryView, type WebhookView } from './views.js';

const URL_PROBLEMS = {
  scheme: 'url must be an http:// or https:// URL',
  unresolvable: 'url host does not resolve',
  private:
    'url points to a private, loopback or link-local address; to deliver to your own network, the server must run with WAPING_WEBHOOK_ALLOW_PRIVATE=true',
} as const;

async function assertUsableUrl(ctx: AppContext, url: string): Promise<void> {
  const problem = await checkWebhookUrl(url, ctx.config.webhookAllowPrivate);
  if (problem)
    throw validation(URL_PROBLEMS[problem], [{ field: 'body.url', message: URL_PROBLEMS[problem] }]);
}

function normalizeEvents(events: string[]): string[] {
  if (events.includes('*') && events.length > 1) {
    throw validation('events is either ["*"] or a list of event types', [
      { field: 'body.events', message: 'mixes "*" with event types' },
    ]);
  }
  return events;
}

/** A URL as the audit log shows it: no user info, query or fragment, where receivers often put a token. */
function auditUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

export async function requireEndpoint(ctx: AppContext, workspaceId: string, id: string) {
  const row = await findEndpoint(ctx.db, workspaceId, id);
  if (!row) throw notFound('Webhook');
  return row;
}

/**
 * Every event is written once per endpoint subscribed to it, so the endpoints of a workspace are
 * bounded (Stripe allows 16). Counted after the workspace's lock, in the creating transaction.
 */
export const ENDPOINTS_PER_WORKSPACE = 20;

async function assertRoomForEndpoint(ctx: AppContext, trx: DbOrTx, workspaceId: string): Promise<void> {
  await lockWorkspace(trx, ctx.dialect, workspaceId);
  if ((await countEndpoints(trx, workspaceId)) >= ENDPOINTS_PER_WORKSPACE) {
    throw conflict(
      `A workspace holds at most ${ENDPOINTS_PER_WORKSPACE} webhook endpoints; delete one, or subscribe an existing one to more events`,
    );
  }
}

export async function createWebhook(
  ctx: AppContext,
  /** Who creates it: the workspace and its plan (webhooks need a plan with API access). */
  auth: { workspaceId: string; plan: Plan },
  input: WebhookInput,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<{ secret: string; webhook: WebhookView }> {
  if (!auth.plan.api)
    throw new AppError(
      'FORBIDDEN',
      `The ${auth.plan.name} plan does not include webhooks; upgrade to use them`,
    );
  const events = normalizeEvents(input.events);
  await assertUsableUrl(ctx, input.url);
  const now = ctx.clock.now();
  const id = newId('whk', now.getTime());
  const secret = generateSecret();
  const enabled = input.enabled ?? true;
  const row: EndpointRow = {
    id,
    workspace_id: auth.workspaceId,
    url: input.url,
    description: input.description ?? null,
    events: JSON.stringify(events),
    enabled: enabled ? 1 : 0,
    disabled_reason: enabled ? null : 'manual',
    secret: new SecretBox(ctx.masterKey).seal(id, secret),
    previous_secret: null,
    previous_secret_expires_at: null,
    failing_since: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await assertRoomForEndpoint(ctx, trx, auth.workspaceId);
    await insertEndpoint(trx, row);
    await recordAudit(trx, by, {
      workspaceId: auth.workspaceId,
      action: 'webhook.created',
      target: { type: 'webhook', id },
      changes: { url: auditUrl(row.url), events, enabled },
      now,
    });
  });
  ctx.bus.publish('webhooks.endpoints', auth.workspaceId);
  return { secret, webhook: toWebhookView(row, now) };
}

export async function patchWebhook(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: WebhookPatch,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<WebhookView> {
  await requireEndpoint(ctx, workspaceId, id);
  if (patch.url !== undefined) await assertUsableUrl(ctx, patch.url);
  const events = patch.events === undefined ? undefined : JSON.stringify(normalizeEvents(patch.events));
  const now = ctx.clock.now();
  const fields: EndpointPatch = { updated_at: now.toISOString() };
  if (patch.url !== undefined) fields.url = patch.url;
  if (events !== undefined) fields.events = events;
  if (patch.description !== undefined) fields.description = patch.description;
  if (patch.enabled !== undefined) {
    fields.enabled = patch.enabled ? 1 : 0;
    fields.disabled_reason = patch.enabled ? null : 'manual';
    // Turned back on: it starts with a clean record, or the next failure would disable it again.
    if (patch.enabled) fields.failing_since = null;
  }
  const { next, resumed } = await ctx.db.transaction().execute(async (trx) => {
    // Only the fields asked are written, over the endpoint as it is now (locked): merged with a
    // row read before the transaction, a change or a secret rotation made at the same moment was
    // written back over.
    const row = await lockedEndpoint(trx, ctx.dialect, workspaceId, id);
    if (!row) throw notFound('Webhook');
    const next: EndpointRow = { ...row, ...fields };
    const resumed = next.enabled === 1 && row.enabled === 0;
    await updateEndpoint(trx, workspaceId, id, fields);
    if (resumed) await resumeDeliveries(trx, id, now);
    const changes = webhookChanges(row, next);
    if (Object.keys(changes).length > 0) {
      await recordAudit(trx, by, {
        workspaceId,
        action: 'webhook.updated',
        target: { type: 'webhook', id },
        changes,
        now,
      });
    }
    return { next, resumed };
  });
  ctx.bus.publish('webhooks.endpoints', workspaceId);
  if (resumed) ctx.bus.publish('webhooks.wake', null);
  return toWebhookView(next, now);
}

/** What a patch changed, for the audit log (URLs without their query). */
function webhookChanges(
  before: EndpointRow,
  after: EndpointRow,
): Record<string, { from: unknown; to: unknown }> {
  const shown = (row: EndpointRow) => ({
    url: auditUrl(row.url),
    events: JSON.parse(row.events) as unknown,
    description: row.description,
    enabled: row.enabled === 1,
  });
  const from = shown(before);
  const to = shown(after);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(from) as Array<keyof typeof from>) {
    if (JSON.stringify(from[field]) !== JSON.stringify(to[field]))
      changes[field] = { from: from[field], to: to[field] };
  }
  // A change within the query string alone still shows that the URL changed.
  if (before.url !== after.url && !changes.url) changes.url = { from: from.url, to: to.url };
  return changes;
}

export async function rotateWebhookSecret(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  by: AuditBy = SYSTEM_ACTOR,
) {
  await requireEndpoint(ctx, workspaceId, id);
  const now = ctx.clock.now();
  const secret = generateSecret();
  const next = await ctx.db.transaction().execute(async (trx) => {
    // The secret being replaced is the one stored now (locked): two rotations at once each kept
    // the same old secret as the previous one, and one of the secrets handed out signed nothing.
    const row = await lockedEndpoint(trx, ctx.dialect, workspaceId, id);
    if (!row) throw notFound('Webhook');
    const fields = {
      secret: new SecretBox(ctx.masterKey).seal(id, secret),
      previous_secret: row.secret,
      previous_secret_expires_at: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
      updated_at: now.toISOString(),
    };
    await updateEndpoint(trx, workspaceId, id, fields);
    await recordAudit(trx, by, {
      workspaceId,
      action: 'webhook.secret_rotated',
      target: { type: 'webhook', id },
      changes: { previousValidUntil: fields.previous_secret_expires_at },
      now,
    });
    return { ...row, ...fields };
  });
  return { secret, webhook: toWebhookView(next, now) };
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhook(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<void> {
  const row = await requireEndpoint(ctx, workspaceId, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteEndpoint(trx, workspaceId, id))) throw notFound('Webhook');
    await recordAudit(trx, by, {
      workspaceId,
      action: 'webhook.deleted',
      target: { type: 'webhook', id },
      changes: { url: auditUrl(row.url) },
      now: ctx.clock.now(),
    });
  });
}

/** Sends a `webhook.test` event to this endpoint only, past its backlog. */
export async function sendTestEvent(ctx: AppContext, workspaceId: string, id: string) {
  const row = await requireEndpoint(ctx, workspaceId, id);
  if (row.enabled !== 1) throw conflict('The webhook is disabled; enable it before sending a test');
  const now = ctx.clock.now();
  const event = await ctx.db.transaction().execute(async (trx) => {
    // Its row always: the delivery below is sent from it, whatever the outbox remembers of the
    // workspace's endpoints. No endpoint subscribes to test events: this one goes where it was
    // asked to only.
    const recorded = await ctx.events.record(
      trx,
      {
        workspaceId,
        type: 'webhook.test',
        data: { webhookId: id, message: 'A test event from WAPing' },
        now,
      },
      { keep: true },
    );
    await enqueueDeliveries(trx, recorded, { deviceId: null, endpointIds: [id] });
    return recorded;
  });
  ctx.events.publish([event]);
  ctx.bus.publish('webhooks.wake', null);
  const delivery = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('event_id', '=', event.id)
    .executeTakeFirstOrThrow();
  return { event, delivery: toDeliveryView(delivery, []) };
}

export async function deliveryView(
  ctx: AppContext,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryView> {
  await requireEndpoint(ctx, workspaceId, endpointId);
  const row = await findDelivery(ctx.db, endpointId, deliveryId);
  if (!row) throw notFound('Delivery');
  return toDeliveryView(row, await listAttempts(ctx.db, [row.id]));
}

/** Sends a delivery again now with a fresh retry schedule; a finished one is replayed. */
export async function retryDelivery(
  ctx: AppContext,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryView> {
  const endpoint = await requireEndpoint(ctx, workspaceId, endpointId);
  const row = await findDelivery(ctx.db, endpointId, deliveryId);
  if (!row) throw notFound('Delivery');
  if (endpoint.enabled !== 1) throw conflict('The webhook is disabled; enable it before retrying');
  const now = ctx.clock.now();
  const inFlight = row.locked_until !== null && row.locked_until > now.toISOString();
  if (!inFlight) await requeueDelivery(ctx.db, row.id, now);
  ctx.bus.publish('webhooks.wake', null);
  return deliveryView(ctx, workspaceId, endpointId, deliveryId);
}
