import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps every mail it is given, parsed, for tests to read
 * and for people to watch (GET /messages on its HTTP port). Test support and a tool
 * (`npm run stand-ins`).
 */

/** What goes wrong for one recipient address. */
export type SmtpFault =
  /** RCPT TO answered with this code: 5xx permanent (e.g. 550), 4xx transient (e.g. 451). */
  | { kind: 'reject'; code: number; message?: string; times?: number }
  /** The connection is cut: at RCPT TO (accepted: false) or after the whole DATA was kept (true). */
  | { kind: 'drop-connection'; accepted: boolean; times?: number };

export interface SmtpCatcherOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  /** An HTTP port for GET /messages (0 takes a free one); none when left out. */
  httpPort?: number;
  /** When set, AUTH (PLAIN or LOGIN, in clear on loopback) with these is required. */
  auth?: { user: string; pass: string };
  /** Faults by recipient address (lower case). */
  faults?: Record<string, SmtpFault>;
  /** false keeps only the envelope and size: for benchmarks, where parsing would cost the CPU measured. */
  parse?: boolean;
  /** The most mails kept; the oldest go first. Unlimited when left out. */
  keep?: number;
}

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  contentDisposition: string | null;
  size: number;
  /** Text for text/* and calendar parts, base64 otherwise. */
  content: string;
}

export interface CaughtCalendar {
  contentType: string;
  filename: string | null;
  /** METHOD of the VCALENDAR: REQUEST, CANCEL... */
  method: string | null;
  text: string;
}

export interface CaughtMail {
  /** 1, 2, 3... in the order received. */
  id: number;
  receivedAt: string;
  /** The SMTP envelope: who the mail was really given to (Bcc included). */
  envelope: { from: string; to: string[] };
  size: number;
  /** From here on, parsed from the message (empty when parse is off). */
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  messageId: string | null;
  /** Header name (lower case) to its value as written; repeated headers joined by a newline. */
  headers: Record<string, string>;
  attachments: CaughtAttachment[];
  /** Every text/calendar or .ics part, inline or attached. */
  calendars: CaughtCalendar[];
}

const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

export class SmtpCatcher {
  private readonly caught: CaughtMail[] = [];
  private readonly faults: Map<string, SmtpFault>;
  private readonly faultsLeft = new Map<SmtpFault, number>();
  private readonly dropAfterData = new Set<string>();
  private nextId = 1;
  private smtp?: SMTPServer;
  private http?: Server;

  constructor(private readonly options: SmtpCatcherOptions = {}) {
    this.faults = new Map(Object.entries(options.faults ?? {}).map(([address, fault]) => [address.toLowerCase(), fault]));
  }

  /** Starts the SMTP server (and the HTTP view if asked for). */
  async start(): Promise<{ port: number; httpUrl?: string }> {
    const { auth } = this.options;
    const smtp = new SMTPServer({
      secure: false,
      // Loopback only: no TLS, and AUTH in clear when it is asked for at all.
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !auth,
      allowInsecureAuth: true,
      logger: false,
      onAuth: (credentials, _session, callback) =>
        credentials.username === auth?.user && credentials.password === auth?.pass
          ? callback(null, { user: credentials.username })
          : callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    smtp.on('error', () => undefined);
    this.smtp = smtp;
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    if (this.options.httpPort === undefined) return { port: this.port };
    const http = createServer((request, response) => this.handleHttp(request, response));
    this.http = http;
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.options.httpPort, this.options.host ?? '127.0.0.1', () => resolve());
    });
    return { port: this.port, httpUrl: this.httpUrl };
  }

  get port(): number {
    if (!this.smtp) throw new Error('the SMTP catcher is not started');
    return (this.smtp.server.address() as AddressInfo).port;
  }

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  get httpUrl(): string | undefined {
    return this.http ? `http://${this.host}:${(this.http.address() as AddressInfo).port}` : undefined;
  }

  /** Stops at once, cutting open connections (a pooled transport's included). */
  async stop(): Promise<void> {
    const { smtp, http } = this;
    this.smtp = undefined;
    this.http = undefined;
    if (http) {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
    if (smtp) {
      for (const connection of smtp.connections) connection._socket.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }

  /** Mails kept so far, oldest first. */
  get messages(): readonly CaughtMail[] {
    return this.caught;
  }

  /** Mails whose envelope names this address. */
  messagesTo(address: string): CaughtMail[] {
    const wanted = address.toLowerCase();
    return this.caught.filter((mail) => mail.envelope.to.includes(wanted));
  }

  setRecipientFault(address: string, fault: SmtpFault | undefined): void {
    if (fault) this.faults.set(address.toLowerCase(), fault);
    else this.faults.delete(address.toLowerCase());
  }

  /** Forgets the mails and the faults set since start (those given as options stay). */
  reset(): void {
    this.caught.length = 0;
    this.faults.clear();
    this.faultsLeft.clear();
    for (const [address, fault] of Object.entries(this.options.faults ?? {})) this.faults.set(address.toLowerCase(), fault);
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const recipient = address.address.toLowerCase();
    const fault = this.faults.get(recipient);
    if (!fault || !this.fires(fault)) return callback();
    if (fault.kind === 'reject') {
      const message = fault.message ?? (fault.code >= 500 ? `No such mailbox: ${recipient}` : 'Mailbox busy, try again later');
      return callback(Object.assign(new Error(message), { responseCode: fault.code }));
    }
    if (fault.accepted) {
      this.dropAfterData.add(session.id);
      return callback();
    }
    this.cut(session);
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      this.keep(Buffer.concat(chunks), session)
        .then(() => {
          if (this.dropAfterData.delete(session.id)) this.cut(session);
          else callback();
        })
        .catch((error: unknown) => callback(Object.assign(new Error(`could not read the message: ${String(error)}`), { responseCode: 451 })));
    });
  }

  private async keep(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const { mailFrom, rcptTo } = session.envelope;
    const mail: CaughtMail = {
      id: this.nextId++,
      receivedAt: new Date().toISOString(),
      envelope: { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((rcpt) => rcpt.address.toLowerCase()) },
      size: raw.length,
      from: null,
      to: [],
      cc: [],
      subject: null,
      text: null,
      html: null,
      messageId: null,
      headers: {},
      attachments: [],
      calendars: [],
    };
    if (this.options.parse !== false) Object.assign(mail, await parse(raw));
    this.caught.push(mail);
    if (this.options.keep !== undefined && this.caught.length > this.options.keep) this.caught.shift();
  }

  private fires(fault: SmtpFault): boolean {
    const left = this.faultsLeft.get(fault) ?? fault.times ?? Infinity;
    if (left <= 0) return false;
    this.faultsLeft.set(fault, left - 1);
    return true;
  }

  private cut(session: SMTPServerSession): void {
    for (const connection of this.smtp?.connections ?? []) if (connection.id === session.id) connection._socket.destroy();
  }

  private handleHttp(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0];
    response.setHeader('Content-Type', 'application/json');
    if (request.method === 'GET' && (path === '/messages' || path === '/')) {
      response.end(JSON.stringify({ messages: this.caught }, null, 2));
    } else if (request.method === 'DELETE' && path === '/messages') {
      this.reset();
      response.statusCode = 204;
      response.end();
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: `no ${request.method} ${path}` }));
    }
  }
}

async function parse(raw: Buffer): Promise<Partial<CaughtMail>> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  const attachments = parsed.attachments.map((part) => {
    const textual = part.contentType.startsWith('text/') || CALENDAR_TYPES.has(part.contentType);
    return {
      filename: part.filename ?? null,
      contentType: part.contentType,
      contentDisposition: part.contentDisposition ?? null,
      size: part.size,
      content: part.content.toString(textual ? 'utf8' : 'base64'),
    };
  });
  return {
    from: parsed.from?.text ?? null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? null,
    text: parsed.text ?? null,
    html: parsed.html === false ? null : (parsed.html ?? null),
    messageId: parsed.messageId ?? null,
    headers,
    attachments,
    calendars: attachments
      .filter((part) => CALENDAR_TYPES.has(part.contentType) || part.filename?.toLowerCase().endsWith('.ics'))
      .map((part) => ({
        contentType: part.contentType,
        filename: part.filename,
        method: /^METHOD:(.+)$/m.exec(part.content)?.[1].trim() ?? null,
        text: part.content,
      })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups.flatMap((group) => group.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])));
}
