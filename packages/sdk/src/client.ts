import { ApiKeys, Workspace } from './resources/account.js';
import { AuditLog } from './resources/audit-log.js';
import { AutoReplies } from './resources/auto-replies.js';
import { Conversations } from './resources/conversations.js';
import { Contacts } from './resources/contacts.js';
import { Devices } from './resources/devices.js';
import { Media } from './resources/media.js';
import { Messages } from './resources/messages.js';
import { Sandbox } from './resources/sandbox.js';
import { Templates } from './resources/templates.js';
import { Verifications } from './resources/verifications.js';
import { Webhooks } from './resources/webhooks.js';
import { Transport, type ClientOptions } from './transport.js';

/**
 * The WAPing API client. One per process is enough; it holds no connection state.
 *
 * A new part of the API becomes a `Resource` subclass in `resources/`
 * (its types from `@waping/api-types`, `creates: true` on its creating POSTs, `paginate` for its
 * lists) and one property here.
 *
 *   const waping = new WAPing({ apiKey: process.env.WAPING_API_KEY, baseUrl: 'http://localhost:3000' });
 *   const message = await waping.messages.send({ to: '+15551234567', type: 'text', text: { body: 'Hi' } });
 */
export class WAPing {
  readonly messages: Messages;
  readonly verifications: Verifications;
  readonly devices: Devices;
  readonly webhooks: Webhooks;
  readonly contacts: Contacts;
  readonly templates: Templates;
  readonly autoReplies: AutoReplies;
  readonly apiKeys: ApiKeys;
  readonly workspace: Workspace;
  readonly auditLog: AuditLog;
  readonly sandbox: Sandbox;
  readonly conversations: Conversations;
  readonly media: Media;
  /** Sends raw requests: for routes this SDK version does not wrap yet. */
  readonly transport: Transport;

  constructor(options: ClientOptions = {}) {
    this.transport = new Transport(options);
    this.messages = new Messages(this.transport);
    this.verifications = new Verifications(this.transport);
    this.devices = new Devices(this.transport);
    this.webhooks = new Webhooks(this.transport);
    this.contacts = new Contacts(this.transport);
    this.templates = new Templates(this.transport);
    this.autoReplies = new AutoReplies(this.transport);
    this.apiKeys = new ApiKeys(this.transport);
    this.workspace = new Workspace(this.transport);
    this.auditLog = new AuditLog(this.transport);
    this.sandbox = new Sandbox(this.transport);
    this.conversations = new Conversations(this.transport);
    this.media = new Media(this.transport);
  }
}
