import { Secret, TOTP } from 'otpauth';
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { decrypt, deriveKey, encrypt, sha256Hex } from '../lib/crypto.js';
import { AppError, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';

/**
 * TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app reads)
 * and single-use recovery codes. Secrets are sealed with a key derived from the master key and
 * bound to the user id, so a copied database row is of no use alone, nor on another user.
 */
export const RECOVERY_CODE_COUNT = 10;
const PERIOD_S = 30;
// One step either side: a phone clock a little off, or a code typed as it rolled over.
const WINDOW = 1;
const ISSUER = 'WAPing';

const sealKey = (masterKey: Buffer) => deriveKey(masterKey, 'totp-secrets');
const seal = (masterKey: Buffer, userId: string, secret: string) =>
  encrypt(sealKey(masterKey), secret, userId);
const unseal = (masterKey: Buffer, userId: string, sealed: string) =>
  decrypt(sealKey(masterKey), sealed, userId);

function totpFor(base32: string, email: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(base32),
  });
}

/** A 6-digit code, spaces allowed ("123 456"); anything else is not a TOTP code. */
function totpToken(code: string): string | null {
  const token = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(token) ? token : null;
}

/** The time step a code is valid for, or null; `window` steps either side are accepted. */
function matchingStep(base32: string, email: string, code: string, now: Date): number | null {
  const token = totpToken(code);
  if (!token) return null;
  const delta = totpFor(base32, email).validate({ token, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
}

export interface TwoFactorUser {
  id: string;
  email: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const user = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const left = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  const enabled = Boolean(user?.totp_secret);
  return {
    enabled,
    enabledAt: enabled ? (user?.totp_enabled_at ?? null) : null,
    recoveryCodesLeft: enabled ? Number(left.n) : 0,
  };
}

export async function hasTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirst();
  return Boolean(row?.totp_secret);
}

/** A new secret for the user to scan; it takes effect only once confirmed with a code. */
export async function startEnrolment(
  db: DbOrTx,
  masterKey: Buffer,
  user: TwoFactorUser,
  now: Date,
): Promise<{ secret: string; uri: string }> {
  if (await hasTwoFactor(db, user.id)) {
    throw new AppError('CONFLICT', 'Two-factor sign-in is on already; turn it off first to enrol a new app');
  }
  const secret = new Secret({ size: 20 }).base32;
  await db
    .updateTable('users')
    .set({ totp_pending_secret: seal(masterKey, user.id, secret), updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/** Turns two-factor on with the pending secret once a code from it checks; returns the recovery codes. */
export async function confirmEnrolment(
  db: DbOrTx,
  masterKey: Buffer,
  user: TwoFactorUser,
  code: string,
  now: Date,
  /** Runs in the transaction that turns it on (the audit log records it there). */
  onEnabled?: (trx: DbOrTx) => Promise<void>,
): Promise<string[]> {
  const row = await db
    .selectFrom('users')
    .select(['totp_pending_secret', 'totp_secret'])
    .where('id', '=', user.id)
    .executeTakeFirst();
  if (row?.totp_secret) throw new AppError('CONFLICT', 'Two-factor sign-in is on already');
  if (!row?.totp_pending_secret)
    throw new AppError('CONFLICT', 'Start the enrolment first: no secret is waiting');
  const secret = unseal(masterKey, user.id, row.totp_pending_secret);
  const step = matchingStep(secret, user.email, code, now);
  if (step === null) {
    throw validation(
      'The code does not match; check the app shows WAPing for this email and try the next code',
      [{ field: 'body.code', message: 'does not match' }],
    );
  }
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        totp_secret: row.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: now.toISOString(),
        totp_last_step: step,
        updated_at: now.toISOString(),
      })
      .where('id', '=', user.id)
      .where('totp_secret', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'Two-factor sign-in is on already');
    await onEnabled?.(trx);
    return replaceRecoveryCodes(trx, user.id, now);
  });
}

/** Ten fresh recovery codes; the old ones stop working. Only their hashes are kept. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, now: Date): Promise<string[]> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: newId('rec', now.getTime()),
        user_id: userId,
        code_hash: sha256Hex(normalizeRecoveryCode(code)),
        used_at: null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
  return codes;
}

// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * Checks a second factor: a current TOTP code (each usable once) or an unused recovery code (used
 * up by this call). Both are single atomic updates, so two requests cannot spend one code twice.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  masterKey: Buffer,
  user: TwoFactorUser,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const row = await db.selectFrom('users').select('totp_secret').where('id', '=', user.id).executeTakeFirst();
  if (!row?.totp_secret) return null;
  const step = matchingStep(unseal(masterKey, user.id, row.totp_secret), user.email, code, now);
  if (step !== null) {
    const used = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1 ? 'totp' : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return null;
  const spent = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', sha256Hex(normalized))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1 ? 'recovery' : null;
}

/** Turns two-factor off and forgets the secret and the recovery codes (also `waping users reset-2fa`). */
export async function clearTwoFactor(db: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('users')
    .set({
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .executeTakeFirst();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  return Number(updated.numUpdatedRows) === 1;
}
