import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './errors.js';
import { packageRoot } from './package-root.js';

/**
 * Rules for a new password (set at setup, for a new member, or on change). Length over
 * composition, as NIST SP 800-63B advises: no "one digit, one symbol" rules, which push people to
 * `Password1!`. Instead a password is refused when it is short, is or contains the email, is
 * mostly one character or a short pattern repeated, or is a common password (or one with only
 * digits and symbols around it). Existing passwords are not re-checked at sign-in.
 */
export const MIN_PASSWORD_LENGTH = 12;

export type WeakPasswordReason = 'too_short' | 'contains_email' | 'repetitive' | 'common';

let common: Set<string> | null = null;

/** The shipped list, read once on first use. */
function commonPasswords(): Set<string> {
  if (common) return common;
  // From the checkout's root, not this module's folder: bundled into dist/server, this code runs
  // from a chunk the list is not copied next to.
  const text = readFileSync(join(packageRoot(), 'src', 'lib', 'common-passwords.txt'), 'utf8');
  common = new Set(text.split('\n').filter((line) => line.length > 0 && !line.startsWith('#')));
  return common;
}

/** True when a short unit repeated (with at most a few characters over) makes up the string. */
function isRepetitive(value: string): boolean {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  // Mostly one character ("aaaaaaaaaaa1") or only two or three different ones.
  if (Math.max(...counts.values()) / chars.length >= 0.6 || counts.size <= 3) return true;
  for (let unit = 2; unit <= Math.floor(chars.length / 2); unit++) {
    const pattern = chars.slice(0, unit);
    let matching = 0;
    for (let i = 0; i < chars.length; i++) if (chars[i] === pattern[i % unit]) matching++;
    if (matching / chars.length >= 0.8) return true;
  }
  return false;
}

/** The password with digits, symbols and spaces trimmed from both ends ("password123!" → "password"). */
function core(value: string): string {
  return value.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function weakReason(password: string, email: string | undefined): WeakPasswordReason | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (email) {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (compact.includes(address) || (local.length >= 4 && compact.includes(local))) return 'contains_email';
  }
  if (isRepetitive(compact)) return 'repetitive';
  const list = commonPasswords();
  const trimmed = core(compact);
  if (list.has(compact) || (trimmed.length >= 4 && list.has(trimmed))) return 'common';
  return null;
}

const MESSAGES: Record<WeakPasswordReason, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters; a few words with spaces are easy to remember`,
  contains_email: 'The password must not contain your email address or its name part',
  repetitive:
    'The password is mostly one character or a short pattern repeated; choose something less predictable',
  common: 'This password is on a list of common passwords that attackers try first; choose another',
};

/** Throws WEAK_PASSWORD (400) with a message a person can act on when the password breaks a rule. */
export function assertPasswordAllowed(password: string, opts: { email?: string; field?: string } = {}): void {
  const reason = weakReason(password, opts.email);
  if (!reason) return;
  throw new AppError('WEAK_PASSWORD', MESSAGES[reason], [
    { field: opts.field ?? 'body.password', message: MESSAGES[reason], reason },
  ]);
}
