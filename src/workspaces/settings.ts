/** Per-workspace settings kept as one JSON column; features read their own fields with defaults. */
export interface WorkspaceSettings {
  /** Emails that get device alerts; unset → the workspace's owners and admins. */
  alertRecipients?: string[];
  /** Days message bodies are kept. */
  retentionDays?: number;
  allowOtpToOptedOut?: boolean;
  /** Members must sign in to the dashboard with a second factor. */
  requireTwoFactor?: boolean;
  optOutWords?: string[];
  /** Defaults for one-time codes; a request's own fields win (src/verify/settings.ts). */
  verification?: StoredVerificationSettings;
}

/** What the workspace chose for its codes; an absent field means the built-in default. */
export interface StoredVerificationSettings {
  codeLength?: number;
  ttlSeconds?: number;
  /** Replaces the localized default text; always has `{{code}}`. */
  messageText?: string;
  /** Channels tried in this order when a request names none. */
  channels?: Array<'whatsapp' | 'sms' | 'email'>;
}

export function parseSettings(json: string): WorkspaceSettings {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as WorkspaceSettings) : {};
  } catch {
    return {};
  }
}

/** The fields whose value differs, as `{field: {from, to}}` (a field absent before or after is null). */
export function settingsChanges(
  before: WorkspaceSettings,
  after: WorkspaceSettings,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof WorkspaceSettings>;
  for (const field of fields) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
