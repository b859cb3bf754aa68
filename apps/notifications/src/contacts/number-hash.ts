import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ConfigError, PlatformConfig } from '#platform';
import { NotificationsConfig } from '../notifications.config';

/**
 * A phone number as notifications keeps it: a keyed hash (HMAC-SHA256) of its E.164 form, enough
 * to know who replied or opted out, useless to anyone who reads the table without the key.
 */
@Injectable()
export class NumberHash {
  private readonly key: Buffer;

  constructor(config: NotificationsConfig, platform: PlatformConfig) {
    if (config.NUMBER_HASH_KEY) this.key = Buffer.from(config.NUMBER_HASH_KEY, 'base64');
    else if (platform.NODE_ENV === 'production') throw new ConfigError('NUMBER_HASH_KEY is required in production');
    else this.key = Buffer.from(hkdfSync('sha256', firstKey(platform.ENCRYPTION_KEYS), '', 'notifications:number-hash', 32));
  }

  of(number: string): string {
    return createHmac('sha256', this.key).update(e164(number)).digest('base64url');
  }
}

/** The E.164 form of a number written the UK way or already international; as given when unreadable. */
export function e164(number: string): string {
  return parsePhoneNumberFromString(number, 'GB')?.number ?? number.replace(/\s+/g, '');
}

function firstKey(spec: string): Buffer {
  return Buffer.from(spec.split(',')[0]!.split(':')[1]!, 'base64');
}
