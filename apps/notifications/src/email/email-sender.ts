import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { SendFailure } from '../delivery/send-failure';
import { NotificationsConfig } from '../notifications.config';

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** Our message id: the same Message-ID on a resend, so the recipient's mailbox sees one mail. */
  messageId: string;
  invite: { method: 'REQUEST' | 'CANCEL'; ics: string } | null;
}

/** Mail through a pooled SMTP transport: plain text and HTML, and the recipient's own invite. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(NotificationsConfig) config: NotificationsConfig) {
    this.transport = createTransport({ url: config.SMTP_URL, pool: true, maxConnections: config.SMTP_POOL_SIZE, maxMessages: Infinity } as never);
  }

  async send(email: OutgoingEmail): Promise<string> {
    try {
      await this.transport.sendMail({
        to: email.to,
        from: email.from,
        subject: email.subject,
        text: email.text,
        html: `<p>${escapeHtml(email.text)}</p>`,
        messageId: `<${email.messageId}@convene>`,
        ...(email.invite
          ? {
              icalEvent: { method: email.invite.method, filename: 'invite.ics', content: email.invite.ics },
            }
          : {}),
      });
      return `<${email.messageId}@convene>`;
    } catch (error) {
      throw describe(error);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

function describe(error: unknown): SendFailure {
  const e = error as { responseCode?: number; code?: string; message?: string };
  if (typeof e.responseCode === 'number') return new SendFailure(`smtp ${e.responseCode}`, e.responseCode >= 500, false);
  return new SendFailure(`smtp unreachable: ${e.code ?? e.message ?? String(error)}`, false, true);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
