import { Type, type Static } from 'typebox';
import { toVerificationSettingsView, VerificationSettingsSchema } from '../verify/settings.js';
import type { Plan } from './plans.js';
import { parseSettings } from './settings.js';
import type { WorkspaceRow } from './tables.js';

const Limit = Type.Union([Type.Integer(), Type.Null()], { description: 'null = unlimited' });

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_OPT_OUT_WORDS = [
  'STOP',
  'UNSUBSCRIBE',
  'CANCEL',
  'PARAR',
  'SAIR',
  'BAJA',
  'ARRET',
  'STOPP',
];

export const WorkspaceSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    plan: Type.Object({
      name: Type.String(),
      devices: Limit,
      messagesPerMonth: Limit,
      api: Type.Boolean(),
      requestsPerMinute: Limit,
    }),
    usage: Type.Object({
      period: Type.String({ description: 'Calendar month, UTC (YYYY-MM)' }),
      messagesSent: Type.Integer(),
      messagesRemaining: Limit,
      verifications: Type.Integer(),
      devices: Type.Integer(),
    }),
    settings: Type.Object({
      alertRecipients: Type.Union([Type.Array(Type.String()), Type.Null()], {
        description: 'null = the workspace owners and admins',
      }),
      retentionDays: Type.Integer(),
      allowOtpToOptedOut: Type.Boolean(),
      requireTwoFactor: Type.Boolean({
        description: 'Every member signs in to the dashboard with a second factor',
      }),
      optOutWords: Type.Array(Type.String()),
      verification: VerificationSettingsSchema,
    }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Workspace' },
);

export type WorkspaceView = Static<typeof WorkspaceSchema>;

export function toWorkspaceView(
  row: WorkspaceRow,
  plan: Plan,
  usage: { period: string; messagesSent: number; verifications: number; devices: number },
): WorkspaceView {
  const settings = parseSettings(row.settings);
  return {
    id: row.id,
    name: row.name,
    plan: {
      name: plan.name,
      devices: plan.devices,
      messagesPerMonth: plan.messagesPerMonth,
      api: plan.api,
      requestsPerMinute: plan.requestsPerMinute,
    },
    usage: {
      ...usage,
      messagesRemaining:
        plan.messagesPerMonth === null ? null : Math.max(0, plan.messagesPerMonth - usage.messagesSent),
    },
    settings: {
      alertRecipients: settings.alertRecipients ?? null,
      retentionDays: settings.retentionDays ?? DEFAULT_RETENTION_DAYS,
      allowOtpToOptedOut: settings.allowOtpToOptedOut ?? false,
      requireTwoFactor: settings.requireTwoFactor ?? false,
      optOutWords: settings.optOutWords ?? DEFAULT_OPT_OUT_WORDS,
      verification: toVerificationSettingsView(settings.verification),
    },
    createdAt: row.created_at,
  };
}
