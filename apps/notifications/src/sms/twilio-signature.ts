import { Inject, Injectable } from '@nestjs/common';
import { validateRequest } from 'twilio';
import { ForbiddenError } from '#platform';
import { NotificationsConfig } from '../notifications.config';

/**
 * Twilio signs each webhook with the account's auth token over the URL it called and the form
 * fields (X-Twilio-Signature). A request without a valid signature is refused before it is read.
 */
@Injectable()
export class TwilioSignature {
  constructor(@Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  verify(signature: string | undefined, path: string, params: Record<string, string>): void {
    const url = `${this.config.PUBLIC_BASE_URL}${path}`;
    if (!signature || !validateRequest(this.config.TWILIO_AUTH_TOKEN, signature, url, params)) {
      throw new ForbiddenError('the X-Twilio-Signature does not match this request');
    }
  }
}
