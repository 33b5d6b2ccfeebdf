import type { Migration } from './migration.js';
import { m0001_foundation } from './0001_foundation.js';
import { m0002_devices_messages } from './0002_devices_messages.js';
import { m0003_webhooks } from './0003_webhooks.js';
import { m0004_verify } from './0004_verify.js';
import { m0005_inbound } from './0005_inbound.js';
import { m0006_dashboard } from './0006_dashboard.js';
import { m0007_idempotency_effects } from './0007_idempotency_effects.js';
import { m0008_engine_shared_state } from './0008_engine_shared_state.js';
import { m0009_masked_bodies } from './0009_masked_bodies.js';
import { m0010_sign_in } from './0010_sign_in.js';
import { m0011_failover } from './0011_failover.js';
import { m0012_conversations } from './0012_conversations.js';
import { m0013_media } from './0013_media.js';
import { m0014_user_settings } from './0014_user_settings.js';
import { m0015_conversation_list_indexes } from './0015_conversation_list_indexes.js';
import { m0016_audit_events } from './0016_audit_events.js';
import { m0017_device_last_seen } from './0017_device_last_seen.js';
import { m0018_conversation_status_counts } from './0018_conversation_status_counts.js';
import { m0019_verification_stats_index } from './0019_verification_stats_index.js';
import { m0020_conversation_tag_counts } from './0020_conversation_tag_counts.js';
import { m0021_verification_limit_counts } from './0021_verification_limit_counts.js';
import { m0022_message_expiry_index } from './0022_message_expiry_index.js';
import { m0023_refuse_statement } from './0023_refuse_statement.js';
import { m0024_message_queue_partial } from './0024_message_queue_partial.js';
import { m0025_conversation_count_indexes } from './0025_conversation_count_indexes.js';
import { m0026_one_pending_verification } from './0026_one_pending_verification.js';
import { m0027_idempotency_principal } from './0027_idempotency_principal.js';

/** Every migration, by name; names sort in the order they apply. Add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001_foundation,
  '0002_devices_messages': m0002_devices_messages,
  '0003_webhooks': m0003_webhooks,
  '0004_verify': m0004_verify,
  '0005_inbound': m0005_inbound,
  '0006_dashboard': m0006_dashboard,
  '0007_idempotency_effects': m0007_idempotency_effects,
  '0008_engine_shared_state': m0008_engine_shared_state,
  '0009_masked_bodies': m0009_masked_bodies,
  '0010_sign_in': m0010_sign_in,
  '0011_failover': m0011_failover,
  '0012_conversations': m0012_conversations,
  '0013_media': m0013_media,
  '0014_user_settings': m0014_user_settings,
  '0015_conversation_list_indexes': m0015_conversation_list_indexes,
  '0016_audit_events': m0016_audit_events,
  '0017_device_last_seen': m0017_device_last_seen,
  '0018_conversation_status_counts': m0018_conversation_status_counts,
  '0019_verification_stats_index': m0019_verification_stats_index,
  '0020_conversation_tag_counts': m0020_conversation_tag_counts,
  '0021_verification_limit_counts': m0021_verification_limit_counts,
  '0022_message_expiry_index': m0022_message_expiry_index,
  '0023_refuse_statement': m0023_refuse_statement,
  '0024_message_queue_partial': m0024_message_queue_partial,
  '0025_conversation_count_indexes': m0025_conversation_count_indexes,
  '0026_one_pending_verification': m0026_one_pending_verification,
  '0027_idempotency_principal': m0027_idempotency_principal,
};
