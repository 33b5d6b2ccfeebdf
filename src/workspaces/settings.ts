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
}

export function parseSettings(json: string): WorkspaceSettings {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as WorkspaceSettings) : {};
  } catch {
    return {};
  }
}
