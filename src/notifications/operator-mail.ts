import { createMailer, type Mailer } from '../channels/email.js';
import type { AppContext } from '../context.js';
import { parseSettings } from '../workspaces/settings.js';
import { findWorkspace } from '../workspaces/store.js';
import { adminEmails } from '../workspaces/users.js';

export type MailOutcome = 'sent' | 'no_recipients' | 'not_configured';

/** Email to a workspace's operators: its alert recipients, by default its owners and admins. */
export interface OperatorMail {
  /** Throws the mailer's ChannelError when the SMTP server does not take the message. */
  send(workspaceId: string, message: { subject: string; text: string }): Promise<MailOutcome>;
  close(): void;
}

export async function alertRecipients(ctx: AppContext, workspaceId: string): Promise<string[]> {
  const workspace = await findWorkspace(ctx.db, workspaceId);
  if (!workspace) return [];
  const configured = parseSettings(workspace.settings).alertRecipients;
  return configured && configured.length > 0 ? configured : adminEmails(ctx.db, workspaceId);
}

export function createOperatorMail(ctx: AppContext): OperatorMail {
  let mailer: Mailer | null = null;
  return {
    async send(workspaceId, message) {
      if (!ctx.config.smtpUrl) {
        ctx.log.warn(
          { workspaceId, subject: message.subject },
          'no WAPING_SMTP_URL: operator email not sent',
        );
        return 'not_configured';
      }
      const to = await alertRecipients(ctx, workspaceId);
      if (to.length === 0) {
        ctx.log.warn(
          { workspaceId, subject: message.subject },
          'no alert recipients: operator email not sent',
        );
        return 'no_recipients';
      }
      // Created on first use: a server without alerts never opens an SMTP connection.
      mailer ??= createMailer({ smtpUrl: ctx.config.smtpUrl, from: ctx.config.mailFrom });
      await mailer.send({ to, subject: message.subject, text: message.text });
      return 'sent';
    },
    close() {
      mailer?.close();
      mailer = null;
    },
  };
}
