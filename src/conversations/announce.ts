import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import type { RecordEventInput } from '../events/outbox.js';
import type { WapingEvent } from '../events/types.js';
import type { ConversationStatus } from './tables.js';
import type { ConversationChangeKind } from './topics.js';
import type { ConversationView } from './views.js';

export type ConversationEventType =
  'conversation.created' | 'conversation.assigned' | 'conversation.status_changed';

/** What one change produced, to publish once its transaction committed. */
export interface ConversationOutcome {
  workspaceId: string;
  view: ConversationView;
  kind: ConversationChangeKind;
  events: WapingEvent[];
}

/** Records a conversation event (with its webhook deliveries) in the change's transaction. */
export function recordConversationEvent(
  ctx: AppContext,
  trx: DbOrTx,
  workspaceId: string,
  type: ConversationEventType,
  view: ConversationView,
  now: Date,
  extra: { previousStatus?: ConversationStatus; previousAssigneeId?: string | null } = {},
): Promise<WapingEvent> {
  return ctx.events.record(trx, conversationEventInput(workspaceId, type, view, now, extra));
}

/** A conversation event's content: the thread's view, and what it was before where that moved. */
export function conversationEventInput(
  workspaceId: string,
  type: ConversationEventType,
  view: ConversationView,
  now: Date,
  extra: { previousStatus?: ConversationStatus; previousAssigneeId?: string | null } = {},
): RecordEventInput {
  return { workspaceId, type, data: { ...view, ...extra }, deviceId: view.deviceId, now };
}

/** After the commit: the events go out (webhooks, SSE) and live inboxes hear of the change. */
export function publishConversation(ctx: AppContext, outcome: ConversationOutcome): void {
  ctx.events.publish(outcome.events);
  ctx.bus.publish('conversations', {
    workspaceId: outcome.workspaceId,
    kind: outcome.kind,
    conversation: outcome.view,
  });
}
