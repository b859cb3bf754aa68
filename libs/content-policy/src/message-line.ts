import { Message, Participant, Verdict } from './model';

/** One line of a JSONL batch: a message to screen, or the reason it cannot be read. */
export type MessageLine =
  | { ok: true; id: string | number; message: Message }
  | { ok: false; id: string | number | null; problem: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const PARTICIPANT_TEXT_FIELDS = ['name', 'phone', 'email', 'address'] as const;

function participantProblem(p: unknown, i: number): string | undefined {
  const at = `case.participants[${i}]`;
  if (!isObject(p)) return `${at} must be an object`;
  if (typeof p.id !== 'string') return `${at}.id must be a string`;
  if (typeof p.role !== 'string') return `${at}.role must be a string`;
  for (const field of PARTICIPANT_TEXT_FIELDS) {
    if (p[field] !== undefined && p[field] !== null && typeof p[field] !== 'string') return `${at}.${field} must be a string`;
  }
  return undefined;
}

function participant(p: Json): Participant {
  const out: Participant = { id: p.id as string, role: p.role as string };
  for (const field of PARTICIPANT_TEXT_FIELDS) if (typeof p[field] === 'string') out[field] = p[field] as string;
  return out;
}

function problemWith(o: Json): string | undefined {
  if (o.id === undefined || o.id === null) return 'missing id';
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return 'id must be a string';
  if (o.body === undefined || o.body === null) return 'missing body';
  if (typeof o.body !== 'string') return 'body must be a string';
  if (o.subject !== undefined && o.subject !== null && typeof o.subject !== 'string') return 'subject must be a string';
  if (o.channel !== undefined && o.channel !== 'sms' && o.channel !== 'email') return 'channel must be "sms" or "email"';
  if (!isObject(o.recipient) || typeof o.recipient.id !== 'string') return 'recipient.id must be a string';
  if (o.recipient.role !== undefined && typeof o.recipient.role !== 'string') return 'recipient.role must be a string';
  if (!isObject(o.case) || !Array.isArray(o.case.participants)) return 'case.participants must be an array';
  return o.case.participants.map(participantProblem).find((p) => p !== undefined);
}

/** Reads one line; fields other than the message's own (`expect`, `category`...) are ignored. */
export function parseMessageLine(line: string): MessageLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, id: null, problem: 'not valid JSON' };
  }
  if (!isObject(parsed)) return { ok: false, id: null, problem: 'not a JSON object' };
  const problem = problemWith(parsed);
  const id = typeof parsed.id === 'string' || typeof parsed.id === 'number' ? parsed.id : null;
  if (problem) return { ok: false, id, problem };
  const recipient = parsed.recipient as Json;
  return {
    ok: true,
    id: parsed.id as string | number,
    message: {
      id: String(parsed.id),
      channel: (parsed.channel as Message['channel']) ?? 'sms',
      recipient: { id: recipient.id as string, ...(typeof recipient.role === 'string' ? { role: recipient.role } : {}) },
      participants: ((parsed.case as Json).participants as Json[]).map(participant),
      ...(typeof parsed.subject === 'string' ? { subject: parsed.subject } : {}),
      body: parsed.body as string,
    },
  };
}

/** The verdict line for a message id, as the spec prints it. */
export function verdictLine(id: string | number | null, verdict: Verdict): string {
  return JSON.stringify({ id, verdict: verdict.verdict, reasons: verdict.reasons });
}

/** The verdict for a line that could not be read. */
export function malformedVerdict(problem: string): Verdict {
  return { verdict: 'block', reasons: [`malformed: ${problem}`] };
}
