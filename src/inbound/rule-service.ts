import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { findDevice } from '../devices/store.js';
import { conflict, notFound, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { isValidTimeZone, minutesOf } from './business-hours.js';
import { notPlaceholders, unknownVariables, REPLY_VARIABLES } from './reply-template.js';
import type { RuleCreate, RulePatch, RuleView } from './rule-schemas.js';
import {
  columnsOf,
  countRules,
  findRule,
  insertRule,
  lockedRule,
  specOf,
  updateRule,
  type RuleSpec,
} from './rule-store.js';
import { lockWorkspace } from '../workspaces/store.js';
import { regexProblem } from './safe-regex.js';
import type { RuleRow } from './tables.js';

export const DEFAULT_PRIORITY = 100;

/**
 * Every customer message is tried against the workspace's rules, regular expressions included,
 * so their number is bounded. Counted after the workspace's lock, in the creating transaction.
 */
export const RULES_PER_WORKSPACE = 100;

type Issue = { field: string; message: string };

function templateIssues(field: string, text: string): Issue[] {
  return [
    ...notPlaceholders(text).map((braces) => ({
      field,
      message: `has ${braces}, which is not a variable; variables are ${REPLY_VARIABLES.join(', ')}`,
    })),
    ...unknownVariables(text).map((name) => ({
      field,
      message: `uses {{${name}}}, which is not one of ${REPLY_VARIABLES.join(', ')}`,
    })),
  ];
}

/** Checks what the schema cannot: pattern rules, regex safety, the time zone, template variables. */
function problemsOf(spec: RuleSpec): Issue[] {
  const issues: Issue[] = [];
  const { type, pattern } = spec.match;
  if (type === 'any' && pattern !== null) {
    issues.push({ field: 'body.match.pattern', message: 'is not used with match type "any"; leave it out' });
  }
  if (type !== 'any' && pattern === null) {
    issues.push({ field: 'body.match.pattern', message: `is required for match type "${type}"` });
  }
  if (type === 'regex' && pattern !== null) {
    const problem = regexProblem(pattern);
    if (problem) issues.push({ field: 'body.match.pattern', message: problem });
  }
  const hours = spec.businessHours;
  if (hours) {
    if (!isValidTimeZone(hours.timeZone)) {
      issues.push({ field: 'body.businessHours.timeZone', message: 'is not an IANA time zone Intl knows' });
    }
    // 24:00 is the end of the day, not its start: 00:00 to 24:00 is the whole day (before, the
    // check took the end modulo a day and refused it as an empty shift).
    if (minutesOf(hours.start) === minutesOf(hours.end)) {
      issues.push({ field: 'body.businessHours.end', message: 'must differ from start' });
    }
    if (hours.awayReply) issues.push(...templateIssues('body.businessHours.awayReply', hours.awayReply));
  }
  issues.push(...templateIssues('body.reply', spec.reply));
  return issues;
}

async function checkedSpec(db: DbOrTx, workspaceId: string, spec: RuleSpec): Promise<RuleSpec> {
  const issues = problemsOf(spec);
  const first = issues[0];
  if (first) throw validation(`${first.field} ${first.message}`, issues);
  if (spec.deviceId && !(await findDevice(db, workspaceId, spec.deviceId))) throw notFound('Device');
  return spec;
}

export async function createRule(
  ctx: AppContext,
  workspaceId: string,
  input: RuleCreate,
  preset: string | null = null,
): Promise<RuleRow> {
  const spec = await checkedSpec(ctx.db, workspaceId, {
    name: input.name,
    deviceId: input.deviceId ?? null,
    priority: input.priority ?? DEFAULT_PRIORITY,
    match: { type: input.match.type, pattern: input.match.pattern ?? null },
    reply: input.reply,
    cooldownMinutes: input.cooldownMinutes ?? 0,
    businessHours: input.businessHours ?? null,
    welcome: input.welcome ?? false,
    enabled: input.enabled ?? true,
  });
  const now = ctx.clock.now();
  const row: RuleRow = {
    id: newId('rule', now.getTime()),
    workspace_id: workspaceId,
    ...columnsOf(spec),
    preset,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, ctx.dialect, workspaceId);
    if ((await countRules(trx, workspaceId)) >= RULES_PER_WORKSPACE) {
      throw conflict(
        `A workspace holds at most ${RULES_PER_WORKSPACE} auto-reply rules; delete one, or widen an existing rule's pattern`,
      );
    }
    await insertRule(trx, row);
  });
  return row;
}

export async function requireRule(ctx: AppContext, workspaceId: string, id: string): Promise<RuleRow> {
  const row = await findRule(ctx.db, workspaceId, id);
  if (!row) throw notFound('Auto-reply rule');
  return row;
}

/** Applies a partial change; `match` and `businessHours` are replaced whole, null clears them. */
export async function patchRule(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: RulePatch,
): Promise<RuleRow> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // Merged with the rule as it is now, locked: merged with a rule read before the transaction,
    // two changes made at once (pausing a rule while editing its reply) kept only one.
    const row = await lockedRule(trx, ctx.dialect, workspaceId, id);
    if (!row) throw notFound('Auto-reply rule');
    const current = specOf(row);
    const next: RuleSpec = {
      name: patch.name ?? current.name,
      deviceId: patch.deviceId === undefined ? current.deviceId : patch.deviceId,
      priority: patch.priority ?? current.priority,
      match: patch.match ? { type: patch.match.type, pattern: patch.match.pattern ?? null } : current.match,
      reply: patch.reply ?? current.reply,
      cooldownMinutes: patch.cooldownMinutes ?? current.cooldownMinutes,
      businessHours: patch.businessHours === undefined ? current.businessHours : patch.businessHours,
      welcome: patch.welcome ?? current.welcome,
      enabled: patch.enabled ?? current.enabled,
    };
    await updateRule(trx, workspaceId, id, await checkedSpec(trx, workspaceId, next), now);
  });
  return requireRule(ctx, workspaceId, id);
}

export function toRuleView(row: RuleRow): RuleView {
  const spec = specOf(row);
  return {
    id: row.id,
    ...spec,
    preset: row.preset,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
