import type { AppContext } from '../context.js';
import { isWithinBusinessHours } from './business-hours.js';
import { claimCooldown } from './cooldown.js';
import { renderReply, type ReplyValues } from './reply-template.js';
import { candidateRules, specOf, type RuleSpec } from './rule-store.js';
import { safeRegexTest } from './safe-regex.js';
import type { RuleRow } from './tables.js';

export interface InboundFacts {
  workspaceId: string;
  deviceId: string;
  phone: string;
  text: string;
  /** The contact's first inbound message ever (welcome rules answer only this one). */
  first: boolean;
  now: Date;
  values: ReplyValues;
}

export type ReplyDecision =
  | { kind: 'reply'; rule: RuleRow; text: string }
  | { kind: 'silent'; rule: RuleRow; reason: 'cooldown' }
  | { kind: 'none' };

export async function matchesText(
  ctx: AppContext,
  rule: RuleRow,
  match: RuleSpec['match'],
  text: string,
): Promise<boolean> {
  const pattern = match.pattern ?? '';
  switch (match.type) {
    case 'any':
      return true;
    case 'exact':
      return text.trim().toLowerCase() === pattern.trim().toLowerCase();
    case 'contains':
      return text.toLowerCase().includes(pattern.toLowerCase());
    case 'regex': {
      const outcome = await safeRegexTest(pattern, text);
      if (outcome === 'timed_out' || outcome === 'invalid') {
        ctx.log.warn({ ruleId: rule.id, outcome }, 'auto-reply regex did not finish; treated as no match');
      }
      return outcome === 'match';
    }
  }
}

/**
 * The first rule (priority, then oldest) that matches answers; one reply per message. A rule
 * with business hours answers with its away text outside them, or stays out of the way when it
 * has none. A matching rule still cooling down for this contact keeps the conversation quiet
 * rather than letting a later, more generic rule answer instead.
 */
export async function chooseReply(ctx: AppContext, facts: InboundFacts): Promise<ReplyDecision> {
  const rules = await candidateRules(ctx.db, facts.workspaceId, facts.deviceId);
  for (const rule of rules) {
    const spec = specOf(rule);
    if (spec.welcome && !facts.first) continue;
    if (!(await matchesText(ctx, rule, spec.match, facts.text))) continue;
    let template = spec.reply;
    if (spec.businessHours && !isWithinBusinessHours(spec.businessHours, facts.now)) {
      if (!spec.businessHours.awayReply) continue;
      template = spec.businessHours.awayReply;
    }
    const text = renderReply(template, facts.values);
    if (text.length === 0) continue;
    const claimed = await claimCooldown(ctx.db, {
      workspaceId: facts.workspaceId,
      ruleId: rule.id,
      phone: facts.phone,
      minutes: spec.cooldownMinutes,
      now: facts.now,
    });
    if (!claimed) return { kind: 'silent', rule, reason: 'cooldown' };
    return { kind: 'reply', rule, text };
  }
  return { kind: 'none' };
}
