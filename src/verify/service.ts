import type { AppContext } from '../context.js';
import type { Transaction } from 'kysely';
import type { CreationHook, DbOrTx } from '../db/database.js';
import type { Database } from '../db/types.js';
import { inSharedTransaction } from '../db/grouped-transactions.js';
import { findDevice } from '../devices/store.js';
import { conflict, notFound, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import { findTemplate } from '../messages/templates.js';
import { addUsage, findWorkspace } from '../workspaces/store.js';
import type { WorkspaceRow } from '../workspaces/tables.js';
import { assertSomeChannelSends, type VerifyChannels } from './channels.js';
import { generateCode, hashCode, keysOf, sealCode } from './codes.js';
import { createWithFirstSend, runSends, type StoredInStatement } from './fallback.js';
import { countsInTransaction, reserveCreation } from './limits.js';
import { endVerification, findVerification } from './store.js';
import {
  insertSuperseding,
  startedMeanwhile,
  supersedingArgs,
  supersedingParts,
} from './superseding-store.js';
import type { Channel, VerificationRow } from './tables.js';
import {
  DEFAULT_CHANNELS,
  DEFAULT_CODE_LENGTH,
  DEFAULT_TTL_SECONDS,
  storedVerificationSettings,
} from './settings.js';
import { assertCodeTemplate } from './texts.js';
import { dropQueuedMessage, leaseUntil } from './transitions.js';
import type { CreateVerificationInput } from './schemas.js';
import { effectiveStatus, toVerificationView } from './views.js';

async function templateFor(ctx: AppContext, workspaceId: string, input: CreateVerificationInput) {
  if (input.templateId && input.templateName) {
    throw validation('Give templateId or templateName, not both', [
      { field: 'body.templateName', message: 'conflicts with templateId' },
    ]);
  }
  if (!input.templateId && !input.templateName) return null;
  const template = await findTemplate(ctx.db, workspaceId, {
    id: input.templateId,
    name: input.templateName,
  });
  assertCodeTemplate(template.body, input.templateId ? 'body.templateId' : 'body.templateName');
  return template;
}

function checkChannels(route: Channel[], email: string | undefined, channels: VerifyChannels): void {
  if (new Set(route).size !== route.length) {
    throw validation('channels must not repeat a channel', [
      { field: 'body.channels', message: 'has duplicates' },
    ]);
  }
  if (route.includes('email') && !email) {
    throw validation('The email channel needs "email"', [
      { field: 'body.email', message: 'is required with the email channel' },
    ]);
  }
  // A verification none of whose channels this server sends on could only fail: refused before
  // anything is stored or counted, naming what to configure.
  assertSomeChannelSends(route, channels, 'verification');
}

/**
 * `store` (in `createVerification`) as parts of the first code message's accept statement, for a
 * verification counted before it: it supersedes the number's pending verifications and stores the
 * new one, and the request's creation hook, when it can write in a statement, records the
 * verification, with the request's answer when the hook takes one: the verification's view, which
 * the route answers with. Undefined when the hook cannot.
 */
function storeInStatement(
  ctx: AppContext,
  onCreate: CreationHook | undefined,
): StoredInStatement<VerificationRow[]> | undefined {
  const key = onCreate?.inStatement;
  if (onCreate && !key) return undefined;
  const own = supersedingParts.length;
  const answer = key?.answer;
  return {
    parts: key ? [...supersedingParts, ...key.parts] : supersedingParts,
    args: (born) => {
      const args = supersedingArgs(born, born.created_at);
      return [...supersedingParts.map(() => args), ...(key?.args(born.id) ?? [])];
    },
    stored: (rows) => {
      key?.returned?.(rows.slice(own));
      return rows[0] as unknown as VerificationRow[];
    },
    ...(answer
      ? {
          answer: {
            args: (born: VerificationRow) => answer.args(toVerificationView(born, ctx.clock.now())),
            stored: answer.stored,
          },
        }
      : {}),
  };
}

/**
 * Most creations of one verification: each try after the first follows a verification of the same
 * number stored while it ran, and the number's send limit lets only a few through in a window.
 */
const MAX_TRIES = 5;
const STARTED_MEANWHILE = 'Other verifications to this number were started at the same moment; try again';

/** Validates, counts against the limits, supersedes the number's pending verification, and sends on the first channel that takes the code. */
export async function createVerification(
  ctx: AppContext,
  channels: VerifyChannels,
  workspaceId: string,
  input: CreateVerificationInput,
  onCreate?: CreationHook,
  /** The workspace as the caller read it (with the API key); read here otherwise. */
  known?: WorkspaceRow,
): Promise<VerificationRow> {
  const now = ctx.clock.now();
  const phone = toE164(input.to);
  // Read once: its defaults fill what the request leaves out, and the first send needs its plan,
  // code text and opt-out setting.
  const workspace = known ?? (await findWorkspace(ctx.db, workspaceId));
  const defaults = storedVerificationSettings(workspace);
  // The workspace order skips email when this request gave no address to send it to.
  const workspaceRoute = defaults.channels?.filter((c) => c !== 'email' || input.email);
  const route = input.channels ?? (workspaceRoute?.length ? workspaceRoute : DEFAULT_CHANNELS);
  checkChannels(route, input.email, channels);
  if (input.deviceId && !(await findDevice(ctx.db, workspaceId, input.deviceId))) throw notFound('Device');
  const template = await templateFor(ctx, workspaceId, input);

  const countOn = (db: DbOrTx) => reserveCreation(db, workspaceId, phone, ctx.config.verifyPerMinute, now);
  // Counted before the transaction on PostgreSQL, inside it on SQLite (`countsInTransaction`).
  const counted = countsInTransaction(ctx.dialect) ? null : await countOn(ctx.db);

  const id = newId('ver', now.getTime());
  const keys = keysOf(ctx);
  const code = generateCode(input.codeLength ?? defaults.codeLength ?? DEFAULT_CODE_LENGTH);
  const at = now.toISOString();
  const row: VerificationRow = {
    id,
    workspace_id: workspaceId,
    phone,
    email: input.email ?? null,
    status: 'pending',
    channels: JSON.stringify(route),
    route: JSON.stringify(route),
    route_index: 0,
    // Born claimed by this request, so the worker does not send it a second time meanwhile.
    attempt_state: 'sending',
    attempt_message_id: null,
    attempt_deadline: leaseUntil(now),
    send_attempts: '[]',
    device_id: input.deviceId ?? null,
    template_id: template?.id ?? null,
    locale: input.locale ?? 'en',
    code_length: code.length,
    channel_timeout_seconds: input.channelTimeoutSeconds ?? 30,
    code_hash: hashCode(keys, id, code),
    sealed_code: sealCode(keys, id, code),
    check_attempts: 0,
    version: 0,
    failure_reason: null,
    expires_at: new Date(
      now.getTime() + (input.ttlSeconds ?? defaults.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000,
    ).toISOString(),
    approved_at: null,
    created_at: at,
    updated_at: at,
  };
  /** The verification's own writes in the transaction that creates it: the ones it supersedes. */
  const store = async (trx: Transaction<Database>, stored: VerificationRow, countedWithMessage: boolean) => {
    if (!counted) await countOn(trx);
    const previous = await insertSuperseding(trx, stored, now);
    if (!countedWithMessage) await addUsage(trx, workspaceId, now, { verifications: 1 });
    await onCreate?.(trx, id);
    return previous;
  };
  let created: { row: VerificationRow; stored: VerificationRow[] } | undefined;
  let superseded: VerificationRow[];
  for (let tries = 1; ; tries++) {
    try {
      created =
        route[0] === 'whatsapp'
          ? await createWithFirstSend(
              ctx,
              channels,
              row,
              workspace,
              store,
              counted ? storeInStatement(ctx, onCreate) : undefined,
            )
          : undefined;
      superseded = created?.stored ?? (await inSharedTransaction(ctx, (trx) => store(trx, row, false)));
      break;
    } catch (err) {
      // Nothing of the try was stored; the one stored meanwhile is superseded by the next.
      if (startedMeanwhile(err) && tries < MAX_TRIES) continue;
      await counted?.release();
      throw startedMeanwhile(err) ? conflict(STARTED_MEANWHILE) : err;
    }
  }
  for (const old of superseded) await dropQueuedMessage(ctx, old.attempt_message_id);
  return created?.row ?? runSends(ctx, channels, row, workspace);
}

export async function requireVerification(
  ctx: AppContext,
  workspaceId: string,
  id: string,
): Promise<VerificationRow> {
  const row = await findVerification(ctx.db, workspaceId, id);
  if (!row) throw notFound('Verification');
  return row;
}

export async function cancelVerification(
  ctx: AppContext,
  workspaceId: string,
  id: string,
): Promise<VerificationRow> {
  const now = ctx.clock.now();
  const row = await requireVerification(ctx, workspaceId, id);
  if (row.status === 'canceled') return row;
  const status = effectiveStatus(row, now);
  if (status !== 'pending')
    throw conflict(`Only a pending verification can be canceled; this one is ${status}`);
  const ended = await endVerification(
    ctx.db,
    id,
    'canceled',
    { failure_reason: 'canceled', attempt_deadline: null },
    now,
  );
  if (!ended) return cancelVerification(ctx, workspaceId, id);
  await dropQueuedMessage(ctx, row.attempt_message_id);
  return ended;
}
