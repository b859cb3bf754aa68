import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ConfigError, EnvBoolean, type Environment, loadConfig, Secret } from '#platform';

/** The Twilio stand-in's account (tools/stand-ins), so a local run needs only TWILIO_API_URL. */
const DEV_TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000001';
const DEV_TWILIO_AUTH_TOKEN = 'stand-in-auth-token';

/**
 * Settings of the notifications service, validated at boot. Provider addresses come from here so
 * that tests and `npm start` point the same code at the stand-ins; secrets are never logged.
 */
export class NotificationsConfig {
  /** The service's published line: the HELP answer and the cancellation's "call us" give it. */
  @IsString()
  SERVICE_PHONE = '01632 960 000';

  /** Hosts a poll link may point at (comma-separated); the content policy refuses any other. */
  @Matches(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/i, { message: 'LINK_DOMAINS must be host names separated by commas' })
  LINK_DOMAINS = 'localhost';

  /** Default reminders, minutes before the start, comma-separated (two days and two hours). */
  @Matches(/^\d+(,\d+)*$/, { message: 'REMINDER_OFFSETS_MINUTES must be whole minutes separated by commas' })
  REMINDER_OFFSETS_MINUTES = '2880,120';

  /** Quiet hours for SMS in the recipient's time zone: none from this hour... */
  @IsInt()
  @Min(0)
  @Max(23)
  QUIET_HOURS_START: number = 21;

  /** ...until this hour. */
  @IsInt()
  @Min(0)
  @Max(23)
  QUIET_HOURS_END: number = 8;

  /** A reminder deferred past quiet hours must still arrive this long before the start, or it is dropped. */
  @IsInt()
  @Min(0)
  MIN_LEAD_MINUTES: number = 30;

  /** Twilio account; the auth token also verifies the X-Twilio-Signature of callbacks. */
  @IsString()
  TWILIO_ACCOUNT_SID = DEV_TWILIO_ACCOUNT_SID;

  /** Outside production the stand-in's (`npm run stand-ins`); required in production. */
  @Secret()
  @IsString()
  TWILIO_AUTH_TOKEN = DEV_TWILIO_AUTH_TOKEN;

  /** Where the twilio SDK sends its requests: https://api.twilio.com, or a stand-in. */
  @Matches(/^https?:\/\/[^/]+$/, { message: 'TWILIO_API_URL must be a scheme and host without a path' })
  TWILIO_API_URL = 'https://api.twilio.com';

  /** The system's public address, as Twilio calls it back: status callbacks and their signatures use it. */
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Sending numbers (E.164, comma-separated); a participant always gets the same one. */
  @Matches(/^\+\d{8,15}(,\+\d{8,15})*$/, { message: 'SMS_FROM_NUMBERS must be E.164 numbers separated by commas' })
  SMS_FROM_NUMBERS = '+441632960001';

  /** Messages a second from one sending number (the carrier's limit). */
  @IsInt()
  @Min(1)
  SMS_PER_SECOND_PER_NUMBER: number = 10;

  /** SMTP server: smtp://host:port (smtps:// for TLS), with credentials if any. */
  @Secret()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:2525';

  /**
   * Connections to the SMTP relay. Each carries one mail at a time, several round trips each, so
   * a burst of reminders goes out about as fast as this allows (5 held a burst to ~400 mails/s).
   */
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_POOL_SIZE: number = 20;

  /** From address when the recipient has not asked for discretion. */
  @IsString()
  MAIL_FROM = 'Restorative Justice Service <rj@localhost>';

  /** From address that says nothing of the service, for a recipient who asked for discretion. */
  @IsString()
  MAIL_FROM_NEUTRAL = 'Appointments <appointments@localhost>';

  /** Tries of one send (provider errors), with exponential backoff from SEND_BACKOFF_MS. */
  @IsInt()
  @Min(1)
  SEND_ATTEMPTS: number = 6;

  @IsInt()
  @Min(10)
  SEND_BACKOFF_MS: number = 2000;

  /**
   * Send jobs one worker process runs at once. Their reminders are decided and recorded in
   * batches, so this is how many may wait together on a batch, Redis, cases or a provider.
   */
  @IsInt()
  @Min(1)
  @Max(5000)
  SEND_CONCURRENCY: number = 1000;

  /** How long a worker holds a send before another may take it (a killed worker's sends go on after it). */
  @IsInt()
  @Min(500)
  SEND_LOCK_MS: number = 30_000;

  /**
   * Key of the hash that stands for a phone number (inbound replies, opt-outs). Required in
   * production; elsewhere derived from the first ENCRYPTION_KEYS key, so local runs agree.
   */
  @Secret()
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=]{32,}$/, { message: 'NUMBER_HASH_KEY must be at least 32 base64 characters' })
  NUMBER_HASH_KEY?: string;

  /**
   * An SMS whose send was cut off (the worker died, the connection dropped) may have reached
   * Twilio: its status callback names it within this time. Only after it, unheard of, is it sent again.
   */
  @IsInt()
  @Min(0)
  SMS_IN_DOUBT_GRACE_MS: number = 60_000;

  /** Run the reminder sweeper (re-queues reminders whose job was lost). */
  @EnvBoolean()
  @IsBoolean()
  REMINDER_SWEEP: boolean = true;

  @IsIn(['sms', 'email'])
  PREFERRED_CHANNEL: 'sms' | 'email' = 'sms';
}

/** The settings, refusing in production the stand-in's credentials that serve local runs. */
export function loadNotificationsConfig(env: Environment): NotificationsConfig {
  const config = loadConfig(NotificationsConfig, env);
  if (env.NODE_ENV === 'production' && config.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN) {
    throw new ConfigError('TWILIO_AUTH_TOKEN is required in production');
  }
  return config;
}
