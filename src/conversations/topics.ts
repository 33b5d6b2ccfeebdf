import type { ConversationView } from './views.js';

/** Why a conversation changed, for live views (a new customer message may notify the team). */
export type ConversationChangeKind = 'message_in' | 'message_out' | 'updated' | 'read' | 'note';

export interface ConversationChange {
  workspaceId: string;
  kind: ConversationChangeKind;
  conversation: ConversationView;
}

declare module '../events/bus.js' {
  interface Topics {
    /** A conversation that changed, as its view (the dashboard's live inbox). */
    conversations: ConversationChange;
  }
}
