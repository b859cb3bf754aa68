import { randomBytes } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

/**
 * A local server that speaks the part of Twilio's Messages API Convene uses, as the real
 * `twilio` SDK calls it, and calls back the way Twilio does: status callbacks and inbound SMS
 * webhooks as form posts signed with X-Twilio-Signature (computed by the SDK's own helper, so
 * the app's validateRequest is tested for real). Test support and a tool (`npm run stand-ins`).
 */

/** The notifications service's development defaults, so `npm start` and `npm run stand-ins` agree. */
export const STAND_IN_ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const STAND_IN_AUTH_TOKEN = 'stand-in-auth-token';

export type MessageStatus = 'accepted' | 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** What goes wrong for a recipient (by To number) or for the next create request. */
export type TwilioFault =
  /** A permanent refusal of the create request, e.g. 21211 invalid number, 21610 unsubscribed. */
  | { kind: 'reject'; code: number; message?: string; status?: number }
  /** The create request fails `times` times (default 1) with a 429, 500 or 503, then succeeds. */
  | { kind: 'transient'; status: 429 | 500 | 503; times?: number; retryAfterSeconds?: number }
  /** The socket is cut without an answer; `accepted` says whether Twilio had taken the message. */
  | { kind: 'drop-connection'; accepted: boolean }
  /** Accepted, then the carrier fails it: 'undelivered' (after sent) or 'failed' (never sent). */
  | { kind: 'undelivered'; errorCode: number; finalStatus?: 'undelivered' | 'failed' }
  /** Accepted and delivered, but no status callback is ever posted. */
  | { kind: 'no-callback' }
  /** Accepted and delivered; the callbacks arrive newest first (delivered, then sent). */
  | { kind: 'out-of-order' }
  /** The message waits this long before it is sent; past its ValidityPeriod it fails with 30036. */
  | { kind: 'slow'; sentAfterMs: number };

/** Twilio's own test numbers, as its test credentials treat them. */
export const TWILIO_MAGIC_NUMBER_FAULTS: Readonly<Record<string, TwilioFault>> = {
  '+15005550001': { kind: 'reject', code: 21211 },
  '+15005550004': { kind: 'reject', code: 21610 },
  '+15005550009': { kind: 'reject', code: 21614 },
};

export interface StatusDelaysMs {
  /** From the create request to queued (its callback only for a Messaging Service's message, which starts accepted). */
  queued: number;
  /** From queued to sent. */
  sent: number;
  /** From sent to delivered (or undelivered). */
  delivered: number;
}

export interface TwilioStandInOptions {
  accountSid?: string;
  authToken?: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  delaysMs?: Partial<StatusDelaysMs>;
  /** Faults by recipient (To, E.164); Twilio's magic test numbers are included unless overridden. */
  faults?: Record<string, TwilioFault>;
  /** Where simulated inbound SMS go when sendInbound is not given a url. */
  inboundUrl?: string;
  /** false posts no status callback at all (statuses still move): for benchmarks of sending alone. */
  callbacks?: boolean;
}

export interface CallbackAttempt {
  status: MessageStatus;
  url: string;
  at: string;
  /** The app's HTTP answer, or the network error when it gave none. */
  httpStatus?: number;
  error?: string;
}

export interface StandInMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  validityPeriod: number | null;
  status: MessageStatus;
  errorCode: number | null;
  numSegments: number;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  /** The form fields exactly as the SDK sent them. */
  params: Record<string, string | string[]>;
  callbacks: CallbackAttempt[];
}

/** Every create request, accepted or not: how many times the app asked matters (retries). */
export interface CreateRequest {
  to: string | undefined;
  at: string;
  httpStatus: number | 'dropped';
  errorCode?: number;
  messageSid?: string;
}

export interface InboundSms {
  from: string;
  to: string;
  body: string;
  /** Defaults to the stand-in's inboundUrl. */
  url?: string;
}

export interface InboundResult {
  messageSid: string;
  httpStatus: number;
  /** What the app answered (TwiML, usually). */
  responseBody: string;
}

const DEFAULT_DELAYS_MS: StatusDelaysMs = { queued: 5, sent: 5, delivered: 5 };
const API_VERSION = '2010-04-01';
const BODY_LIMIT = 1600;
const MAX_VALIDITY_PERIOD_S = 36_000;
const CALLBACK_TIMEOUT_MS = 5_000;
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;

const ERROR_MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'Internal Server Error',
  20503: 'Service Unavailable',
  21211: "Invalid 'To' Phone Number",
  21602: 'Message body is required.',
  21603: "A 'From' phone number is required.",
  21604: "A 'To' phone number is required.",
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
  21617: 'The concatenated message body exceeds the 1600 character limit.',
  90007: 'Invalid validity period value',
};

class TwilioError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message = ERROR_MESSAGES[code] ?? `Error ${code}`,
  ) {}

  toJSON() {
    return { code: this.code, message: this.message, more_info: `https://www.twilio.com/docs/errors/${this.code}`, status: this.status };
  }
}

export class TwilioStandIn {
  readonly accountSid: string;
  readonly authToken: string;
  private readonly delays: StatusDelaysMs;
  private readonly recipientFaults: Map<string, TwilioFault>;
  private readonly nextFaults: TwilioFault[] = [];
  private readonly transientLeft = new Map<TwilioFault, number>();
  private readonly received: StandInMessage[] = [];
  private readonly createRequests: CreateRequest[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly sleeping = new Map<NodeJS.Timeout, () => void>();
  private server?: Server;
  private readonly httpAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  private inboundUrl?: string;

  constructor(private readonly options: TwilioStandInOptions = {}) {
    this.accountSid = options.accountSid ?? STAND_IN_ACCOUNT_SID;
    this.authToken = options.authToken ?? STAND_IN_AUTH_TOKEN;
    this.delays = { ...DEFAULT_DELAYS_MS, ...options.delaysMs };
    this.recipientFaults = new Map(Object.entries({ ...TWILIO_MAGIC_NUMBER_FAULTS, ...options.faults }));
    this.inboundUrl = options.inboundUrl;
  }

  /** Starts listening; resolves with the base URL to give the SDK (client.api.baseUrl). */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, new TwilioError(500, 20500, String(error)));
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    return this.url;
  }

  get url(): string {
    if (!this.server) throw new Error('the Twilio stand-in is not started');
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  /** Stops at once: status changes and callbacks not yet made are dropped, open connections cut. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const [timer, wake] of this.sleeping) {
      clearTimeout(timer);
      wake();
    }
    this.sleeping.clear();
    server.closeAllConnections();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages accepted so far, oldest first. */
  get messages(): readonly StandInMessage[] {
    return this.received;
  }

  /** Every create request, including the refused and the dropped ones. */
  get requests(): readonly CreateRequest[] {
    return this.createRequests;
  }

  message(sid: string): StandInMessage | undefined {
    return this.received.find((message) => message.sid === sid);
  }

  /** Resolves once every scheduled status change and callback has happened. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** A fault for every message to this number from now on (undefined clears it). */
  setRecipientFault(to: string, fault: TwilioFault | undefined): void {
    if (fault) this.recipientFaults.set(to, fault);
    else this.recipientFaults.delete(to);
  }

  /** A fault for the next create request, whoever it is to; several queue up in order. */
  failNext(fault: TwilioFault): void {
    this.nextFaults.push(fault);
  }

  setInboundUrl(url: string): void {
    this.inboundUrl = url;
  }

  /** Forgets messages, requests and faults (Twilio's magic numbers stay). */
  reset(): void {
    this.received.length = 0;
    this.createRequests.length = 0;
    this.nextFaults.length = 0;
    this.transientLeft.clear();
    this.recipientFaults.clear();
    for (const [to, fault] of Object.entries({ ...TWILIO_MAGIC_NUMBER_FAULTS, ...this.options.faults })) this.recipientFaults.set(to, fault);
  }

  /** A reply from a phone: posts Twilio's inbound SMS webhook, signed, to the app. */
  async sendInbound(sms: InboundSms): Promise<InboundResult> {
    const url = sms.url ?? this.inboundUrl;
    if (!url) throw new Error('sendInbound needs a url: pass one or set inboundUrl');
    for (const field of ['from', 'to', 'body'] as const) {
      if (typeof sms[field] !== 'string') throw new Error(`an inbound SMS needs ${field} as a string`);
    }
    const messageSid = newSid('SM');
    const params: Record<string, string> = {
      ToCountry: '',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      SmsSid: messageSid,
      SmsStatus: 'received',
      Body: sms.body,
      To: sms.to,
      NumSegments: String(segmentCount(sms.body)),
      MessageSid: messageSid,
      AccountSid: this.accountSid,
      From: sms.from,
      ApiVersion: API_VERSION,
    };
    const response = await this.postSigned(url, params);
    return { messageSid, httpStatus: response.status, responseBody: response.body };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path.startsWith('/_stand-in/')) return this.handleControl(request, response, path);
    if (!path.startsWith(`/${API_VERSION}/`)) return send(response, new TwilioError(404, 20404));
    if (!this.authorised(request)) {
      response.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
      return send(response, new TwilioError(401, 20003));
    }
    const create = MESSAGES_PATH.exec(path);
    const fetch = MESSAGE_PATH.exec(path);
    const accountSid = (create ?? fetch)?.[1];
    if (accountSid !== this.accountSid) {
      return send(response, new TwilioError(404, 20404, `The requested resource ${path} was not found`));
    }
    if (create && request.method === 'POST') return this.create(parseForm(await readBody(request)), response);
    if (fetch && request.method === 'GET') {
      const message = this.message(fetch[2]);
      if (!message) return send(response, new TwilioError(404, 20404, `The requested resource ${path} was not found`));
      return send(response, 200, this.resource(message));
    }
    return send(response, new TwilioError(405, 20004, 'Method not allowed'));
  }

  /** JSON for people and for tests in another process: GET/DELETE messages, POST faults and inbound. */
  private async handleControl(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const key = `${request.method} ${path}`;
    if (key === 'GET /_stand-in/messages') return send(response, 200, { messages: this.received, requests: this.createRequests });
    if (key === 'DELETE /_stand-in/messages') {
      this.reset();
      return send(response, 204);
    }
    if (key !== 'POST /_stand-in/faults' && key !== 'POST /_stand-in/inbound') return send(response, 404, { error: `no ${key}` });
    try {
      const body: unknown = JSON.parse(await readBody(request));
      if (key === 'POST /_stand-in/inbound') return send(response, 200, await this.sendInbound(body as InboundSms));
      const { to, fault } = body as { to?: string; fault?: TwilioFault };
      if (!fault?.kind) return send(response, 400, { error: 'fault.kind is required: reject, transient, drop-connection, undelivered, no-callback, out-of-order or slow' });
      if (to) this.setRecipientFault(to, fault);
      else this.failNext(fault);
      return send(response, 204);
    } catch (error) {
      return send(response, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private authorised(request: IncomingMessage): boolean {
    const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return false;
    return Buffer.from(encoded, 'base64').toString('utf8') === `${this.accountSid}:${this.authToken}`;
  }

  private create(params: Record<string, string | string[]>, response: ServerResponse): void {
    const to = single(params.To);
    const fault = this.nextFaults.shift() ?? (to ? this.recipientFaults.get(to) : undefined);
    const record = (httpStatus: CreateRequest['httpStatus'], extra: Partial<CreateRequest> = {}) =>
      this.createRequests.push({ to, at: new Date().toISOString(), httpStatus, ...extra });

    if (fault?.kind === 'drop-connection' && !fault.accepted) {
      record('dropped');
      response.socket?.destroy();
      return;
    }
    if (fault?.kind === 'transient' && this.transientFires(fault)) {
      const code = { 429: 20429, 500: 20500, 503: 20503 }[fault.status];
      if (fault.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(fault.retryAfterSeconds));
      record(fault.status, { errorCode: code });
      return send(response, new TwilioError(fault.status, code));
    }
    const refusal = fault?.kind === 'reject' ? new TwilioError(fault.status ?? 400, fault.code, fault.message) : validate(params);
    if (refusal) {
      record(refusal.status, { errorCode: refusal.code });
      return send(response, refusal);
    }

    const now = new Date();
    const body = single(params.Body) ?? '';
    const from = single(params.From) ?? null;
    const message: StandInMessage = {
      sid: newSid('SM'),
      to: to!,
      from,
      messagingServiceSid: single(params.MessagingServiceSid) ?? null,
      body,
      statusCallback: single(params.StatusCallback) ?? null,
      validityPeriod: params.ValidityPeriod === undefined ? null : Number(params.ValidityPeriod),
      // A message given only a Messaging Service is 'accepted' until a sender is picked.
      status: from ? 'queued' : 'accepted',
      errorCode: null,
      numSegments: segmentCount(body),
      dateCreated: now,
      dateUpdated: now,
      dateSent: null,
      params,
      callbacks: [],
    };
    this.received.push(message);
    record(fault?.kind === 'drop-connection' ? 'dropped' : 201, { messageSid: message.sid });
    if (fault?.kind === 'drop-connection') response.socket?.destroy();
    else send(response, 201, this.resource(message));
    this.track(this.deliver(message, fault));
  }

  private transientFires(fault: Extract<TwilioFault, { kind: 'transient' }>): boolean {
    const left = this.transientLeft.get(fault) ?? fault.times ?? 1;
    if (left <= 0) return false;
    this.transientLeft.set(fault, left - 1);
    return true;
  }

  /** Walks the message through its statuses, posting a callback for each, as Twilio would. */
  private async deliver(message: StandInMessage, fault: TwilioFault | undefined): Promise<void> {
    const outOfOrder = fault?.kind === 'out-of-order';
    const silent = fault?.kind === 'no-callback' || this.options.callbacks === false;
    const held: MessageStatus[] = [];
    const reach = async (status: MessageStatus, errorCode: number | null = null) => {
      if (!this.server) return;
      message.status = status;
      message.errorCode = errorCode;
      message.dateUpdated = new Date();
      if (status === 'sent') message.dateSent = message.dateUpdated;
      if (silent || !message.statusCallback) return;
      if (outOfOrder) held.unshift(status);
      else await this.postStatus(message, status);
    };

    // Twilio posts no callback for a message's initial status: one created from a number starts
    // queued (the create answer said so); one through a Messaging Service goes accepted -> queued.
    await this.sleep(this.delays.queued);
    if (message.status === 'accepted') await reach('queued');

    const sendAfter = fault?.kind === 'slow' ? fault.sentAfterMs : this.delays.sent;
    await this.sleep(sendAfter);
    const validityMs = (message.validityPeriod ?? MAX_VALIDITY_PERIOD_S) * 1000;
    if (Date.now() - message.dateCreated.getTime() > validityMs) {
      await reach('failed', 30036);
    } else if (fault?.kind === 'undelivered' && fault.finalStatus === 'failed') {
      await reach('failed', fault.errorCode);
    } else {
      await reach('sent');
      await this.sleep(this.delays.delivered);
      if (fault?.kind === 'undelivered') await reach('undelivered', fault.errorCode);
      else await reach('delivered');
    }
    for (const status of held) await this.postStatus(message, status);
  }

  private async postStatus(message: StandInMessage, status: MessageStatus): Promise<void> {
    const url = message.statusCallback!;
    const params: Record<string, string> = {
      ApiVersion: API_VERSION,
      AccountSid: this.accountSid,
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: status,
      SmsStatus: status,
      To: message.to,
      ...(message.from ? { From: message.from } : {}),
      ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
      ...(message.errorCode !== null && (status === 'failed' || status === 'undelivered') ? { ErrorCode: String(message.errorCode) } : {}),
    };
    const attempt: CallbackAttempt = { status, url, at: new Date().toISOString() };
    message.callbacks.push(attempt);
    try {
      attempt.httpStatus = (await this.postSigned(url, params)).status;
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * A signed form POST, over kept-alive connections as Twilio's webhooks are (a connection per
   * callback would cost the app and this process more than the callback itself).
   */
  private postSigned(url: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
    const body = new URLSearchParams(params).toString();
    const secure = url.startsWith('https:');
    return new Promise((resolve, reject) => {
      const outgoing = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          timeout: CALLBACK_TIMEOUT_MS,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': Buffer.byteLength(body),
            'User-Agent': 'TwilioProxy/1.1',
            'I-Twilio-Idempotency-Token': randomBytes(16).toString('hex'),
            'X-Twilio-Signature': getExpectedTwilioSignature(this.authToken, url, params),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${CALLBACK_TIMEOUT_MS} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }


  /** Twilio's message resource, as its API returns it (snake_case, RFC 2822 dates). */
  private resource(message: StandInMessage) {
    const uri = `/${API_VERSION}/Accounts/${this.accountSid}/Messages/${message.sid}.json`;
    return {
      account_sid: this.accountSid,
      api_version: API_VERSION,
      body: message.body,
      date_created: rfc2822(message.dateCreated),
      date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
      date_updated: rfc2822(message.dateUpdated),
      direction: 'outbound-api',
      error_code: message.errorCode,
      error_message: null,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: String(message.numSegments),
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
      to: message.to,
      uri,
    };
  }

  /** A delay that stop() cuts short, so idle() never waits on a stopped stand-in. */
  private sleep(ms: number): Promise<void> {
    if (!this.server) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeping.delete(timer);
        resolve();
      }, ms);
      this.sleeping.set(timer, resolve);
    });
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    work.finally(() => this.pending.delete(work)).catch(() => undefined);
  }
}

function validate(params: Record<string, string | string[]>): TwilioError | undefined {
  const to = single(params.To);
  if (!to) return new TwilioError(400, 21604);
  if (!/^\+[1-9]\d{6,14}$/.test(to)) return new TwilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (!params.From && !params.MessagingServiceSid) return new TwilioError(400, 21603);
  const body = single(params.Body);
  if (!body && !params.MediaUrl && !params.ContentSid) return new TwilioError(400, 21602);
  if (body && body.length > BODY_LIMIT) return new TwilioError(400, 21617);
  if (params.ValidityPeriod !== undefined) {
    const seconds = Number(params.ValidityPeriod);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_VALIDITY_PERIOD_S) return new TwilioError(400, 90007);
  }
  return undefined;
}

/** GSM-7 text fits 160 characters (153 a part when split); anything else is UCS-2, 70 (67). */
function segmentCount(body: string): number {
  const gsm = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/.test(body);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / part);
}

function newSid(prefix: 'SM'): string {
  return prefix + randomBytes(16).toString('hex');
}

function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseForm(text: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number | TwilioError, body?: unknown): void {
  if (status instanceof TwilioError) return send(response, status.status, status.toJSON());
  response.statusCode = status;
  if (body === undefined) {
    response.end();
    return;
  }
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(body, null, 2));
}
