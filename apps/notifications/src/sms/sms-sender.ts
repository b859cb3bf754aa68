import { Inject, Injectable } from '@nestjs/common';
import twilio, { type Twilio } from 'twilio';
import { SendFailure } from '../delivery/send-failure';
import { NotificationsConfig } from '../notifications.config';

export interface OutgoingSms {
  to: string;
  from: string;
  body: string;
  /** Our message id rides in the callback address, so a callback names the message even before we know Twilio's id. */
  statusCallback: string;
  validitySeconds: number;
}

/** Twilio refusals worth trying again: rate limits and its own failures. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Network errors that prove the request never left: the name did not resolve or no connection
 * was made, so nothing reached Twilio. Any other (a timeout, a connection reset after writing)
 * may have come after Twilio took the message.
 */
const NEVER_SENT = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SMS through the real twilio SDK, pointed by configuration at Twilio or at a stand-in (the same
 * code path). The SDK's own retry stays off: it retries a POST that may have gone, which can send
 * twice. Retries belong to our queue, which knows what was sent.
 */
@Injectable()
export class SmsSender {
  private readonly client: Twilio;

  constructor(@Inject(NotificationsConfig) config: NotificationsConfig) {
    this.client = twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { autoRetry: false, keepAlive: true, timeout: 15_000 });
    this.client.api.baseUrl = config.TWILIO_API_URL;
  }

  /** Twilio's id of the message it accepted. */
  async send(sms: OutgoingSms): Promise<string> {
    try {
      const message = await this.client.messages.create({
        to: sms.to,
        from: sms.from,
        body: sms.body,
        statusCallback: sms.statusCallback,
        validityPeriod: sms.validitySeconds,
      });
      return message.sid;
    } catch (error) {
      throw describe(error);
    }
  }
}

function describe(error: unknown): SendFailure {
  const e = error as { status?: number; code?: number; message?: string };
  if (typeof e.status === 'number') {
    const text = `twilio ${e.status}${e.code ? ` error ${e.code}` : ''}`;
    return new SendFailure(text, !TRANSIENT_STATUS.has(e.status), false);
  }
  const code = networkCode(error);
  if (code && NEVER_SENT.has(code)) return new SendFailure(`twilio not reached: ${code}`, false, false);
  // No answer: the request may have been taken before the connection went.
  return new SendFailure(`twilio unreachable: ${code ?? e.message ?? String(error)}`, false, true);
}

/** The system error code of a failed request (axios keeps it on the error, Node on its cause). */
function networkCode(error: unknown): string | null {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : null;
}
