import type { SmtpFault } from './smtp-catcher';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, type TwilioFault } from './twilio-stand-in';

/** `npm run stand-ins` settings, read once from the environment; a bad one stops it naming the variable. */
export interface StandInsConfig {
  host: string;
  twilio?: {
    port: number;
    accountSid: string;
    authToken: string;
    delayMs: number;
    inboundUrl?: string;
    faults: Record<string, TwilioFault>;
  };
  smtp?: {
    port: number;
    httpPort: number;
    auth?: { user: string; pass: string };
    faults: Record<string, SmtpFault>;
  };
}

export class StandInsConfigError extends Error {}

const KINDS = ['twilio', 'smtp'] as const;

export function loadStandInsConfig(env: Record<string, string | undefined>): StandInsConfig {
  const kinds = (env.STAND_INS ?? KINDS.join(',')).split(',').map((kind) => kind.trim());
  const unknown = kinds.filter((kind) => !(KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new StandInsConfigError(`STAND_INS must list twilio and/or smtp, comma separated; got '${env.STAND_INS}'`);
  }
  const config: StandInsConfig = { host: env.STAND_IN_HOST ?? '127.0.0.1' };
  if (kinds.includes('twilio')) {
    const accountSid = env.TWILIO_ACCOUNT_SID ?? STAND_IN_ACCOUNT_SID;
    if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) throw new StandInsConfigError(`TWILIO_ACCOUNT_SID must be AC and 32 hex digits; got '${accountSid}'`);
    config.twilio = {
      port: port(env, 'TWILIO_STAND_IN_PORT', 8030),
      accountSid,
      authToken: env.TWILIO_AUTH_TOKEN ?? STAND_IN_AUTH_TOKEN,
      delayMs: integer(env, 'TWILIO_STAND_IN_DELAY_MS', 1000, 0, 600_000),
      inboundUrl: env.TWILIO_STAND_IN_INBOUND_URL,
      faults: json<Record<string, TwilioFault>>(env, 'TWILIO_STAND_IN_FAULTS', '{"+447700900666": {"kind": "reject", "code": 21610}}'),
    };
  }
  if (kinds.includes('smtp')) {
    const { SMTP_CATCHER_USER: user, SMTP_CATCHER_PASS: pass } = env;
    if (Boolean(user) !== Boolean(pass)) throw new StandInsConfigError('SMTP_CATCHER_USER and SMTP_CATCHER_PASS go together: set both or neither');
    config.smtp = {
      port: port(env, 'SMTP_CATCHER_PORT', 2525),
      httpPort: port(env, 'SMTP_CATCHER_HTTP_PORT', 8026),
      auth: user && pass ? { user, pass } : undefined,
      faults: json<Record<string, SmtpFault>>(env, 'SMTP_CATCHER_FAULTS', '{"gone@example.test": {"kind": "reject", "code": 550}}'),
    };
  }
  return config;
}

function port(env: Record<string, string | undefined>, name: string, fallback: number): number {
  return integer(env, name, fallback, 0, 65_535);
}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StandInsConfigError(`${name} must be a whole number from ${min} to ${max}; got '${raw}'`);
  }
  return value;
}

function json<T extends object>(env: Record<string, string | undefined>, name: string, example: string): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return {} as T;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as T;
  } catch {
    // reported below, with an example
  }
  throw new StandInsConfigError(`${name} must be a JSON object by recipient, e.g. ${example}; got '${raw}'`);
}
