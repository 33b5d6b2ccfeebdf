import type { AuditTables } from '../audit/tables.js';
import type { ContactTables } from '../contacts/tables.js';
import type { ConversationTables } from '../conversations/tables.js';
import type { DashboardTables } from '../dashboard/tables.js';
import type { DeviceTables } from '../devices/tables.js';
import type { EventTables } from '../events/tables.js';
import type { InboundTables } from '../inbound/tables.js';
import type { MediaTables } from '../media/tables.js';
import type { MessageTables } from '../messages/tables.js';
import type { NotificationTables } from '../notifications/tables.js';
import type { VerifyTables } from '../verify/tables.js';
import type { WebhookTables } from '../webhooks/tables.js';
import type { WorkspaceTables } from '../workspaces/tables.js';

interface MigrationTables {
  waping_migrations: { name: string; applied_at: string };
}

/** The whole schema as Kysely sees it: each feature declares its own tables in its `tables.ts`. */
export interface Database
  extends
    MigrationTables,
    WorkspaceTables,
    DeviceTables,
    MessageTables,
    ContactTables,
    EventTables,
    WebhookTables,
    DashboardTables,
    NotificationTables,
    InboundTables,
    VerifyTables,
    ConversationTables,
    MediaTables,
    AuditTables {}
