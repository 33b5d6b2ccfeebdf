import type { Selectable } from 'kysely';

export type MatchType = 'exact' | 'contains' | 'regex' | 'any';

export interface AutoReplyRulesTable {
  id: string;
  workspace_id: string;
  /** null = every device of the workspace. */
  device_id: string | null;
  name: string;
  /** Lower numbers are tried first; ties go to the oldest rule. */
  priority: number;
  match_type: MatchType;
  match_pattern: string | null;
  reply: string;
  cooldown_minutes: number;
  /** JSON: BusinessHours, or null for "always". */
  business_hours: string | null;
  welcome: number;
  enabled: number;
  /** The preset a rule was made from, if any (the dashboard shows it). */
  preset: string | null;
  created_at: string;
  updated_at: string;
}

/** When a rule last answered a contact: a rule does not repeat itself within its cooldown. */
export interface AutoReplyCooldownsTable {
  rule_id: string;
  phone: string;
  workspace_id: string;
  last_reply_at: string;
}

export interface InboundTables {
  auto_reply_rules: AutoReplyRulesTable;
  auto_reply_cooldowns: AutoReplyCooldownsTable;
}

export type RuleRow = Selectable<AutoReplyRulesTable>;
