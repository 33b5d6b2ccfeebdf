// The API's resources as the dashboard reads them (see /openapi.json for the full schemas).

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export type Scope = 'messages' | 'devices' | 'verify' | 'webhooks' | 'admin';

export interface AuthState {
  needsSetup: boolean;
  user: { id: string; email: string; name: string | null } | null;
  workspace: { id: string; name: string; plan: string } | null;
  role: Role | null;
  csrfToken: string | null;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type DeviceStatus = 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';

export interface Pacing {
  minIntervalMs: number;
  jitterMs: number;
  perMinute: number | null;
  perDay: number | null;
  presence: boolean;
}

export interface Device {
  id: string;
  name: string;
  engine: 'sandbox' | 'baileys';
  status: DeviceStatus;
  statusReason: string | null;
  statusChangedAt: string;
  phone: string | null;
  displayName: string | null;
  pacing: Pacing;
  createdAt: string;
  updatedAt: string;
}

export interface QrCode {
  qr: string;
  dataUrl: string;
  expiresAt: string;
}

export type MessageStatus =
  'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'expired' | 'canceled' | 'received';

export interface Message {
  id: string;
  deviceId: string | null;
  direction: 'out' | 'in';
  to: string | null;
  from: string | null;
  type: 'text' | 'template';
  body: string | null;
  templateId: string | null;
  status: MessageStatus;
  error: { code: string; message: string | null } | null;
  priority: 'low' | 'normal' | 'high';
  source: string;
  metadata: Record<string, unknown> | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  timeline?: Array<{ status: string; at: string; errorCode: string | null }>;
}

export interface Template {
  id: string;
  name: string;
  body: string;
  variables: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  plan: {
    name: string;
    devices: number | null;
    messagesPerMonth: number | null;
    api: boolean;
    requestsPerMinute: number | null;
  };
  usage: {
    period: string;
    messagesSent: number;
    messagesRemaining: number | null;
    verifications: number;
    devices: number;
  };
  settings: {
    alertRecipients: string[] | null;
    retentionDays: number;
    allowOtpToOptedOut: boolean;
    optOutWords: string[];
  };
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TeamMember {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
  lastSeenAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attemptCount: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface SandboxMessage {
  id: string;
  deviceId: string;
  from: string;
  to: string;
  text: string;
  at: string;
  status: string;
}

export type VerificationStatus =
  'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
export type Channel = 'whatsapp' | 'sms' | 'email';

export interface Verification {
  id: string;
  to: string;
  email: string | null;
  status: VerificationStatus;
  channel: Channel | null;
  channels: Channel[];
  remainingAttempts: number;
  sendAttempts: Array<{
    channel: Channel;
    status: string;
    messageId?: string;
    reason?: string;
    detail?: string;
    at: string;
  }>;
  failureReason: string | null;
  expiresAt: string;
  approvedAt: string | null;
  createdAt: string;
}

export interface Contact {
  phone: string;
  displayName: string | null;
  onWhatsApp: boolean | null;
  firstInboundAt: string | null;
  lastInboundAt: string | null;
  optedOut: boolean;
  optedOutAt: string | null;
  notes: string | null;
  createdAt: string;
}

export interface AutoReply {
  id: string;
  name: string;
  deviceId: string | null;
  priority: number;
  match: { type: 'exact' | 'contains' | 'regex' | 'any'; pattern: string | null };
  reply: string;
  cooldownMinutes: number;
  businessHours: { timeZone: string; days: number[]; start: string; end: string; awayReply?: string } | null;
  welcome: boolean;
  enabled: boolean;
  preset: string | null;
  createdAt: string;
}
