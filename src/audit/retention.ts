/** Audit entries hold no message content and answer "who did this" long after: a year at least. */
export const AUDIT_MIN_RETENTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which audit entries go: the workspace's retention cutoff, but never less than a year ago. */
export function auditCutoff(workspaceCutoff: string, now: Date): string {
  const yearAgo = new Date(now.getTime() - AUDIT_MIN_RETENTION_DAYS * DAY_MS).toISOString();
  return workspaceCutoff < yearAgo ? workspaceCutoff : yearAgo;
}
