/** The six kinds of content that an automated message must not carry (shared/spec/content-policy.md). */
export const CATEGORIES = [
  'case-substance',
  'other-party-voice',
  'outcome',
  'advice-or-pressure',
  'other-party-pii',
  'sensitive-data',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Channel = 'sms' | 'email';

export interface Participant {
  id: string;
  role: string;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface Message {
  id: string;
  channel: Channel;
  recipient: { id: string; role?: string };
  participants: Participant[];
  subject?: string;
  body: string;
}

export interface Finding {
  category: Category;
  /** What matched, said so that a reviewer can act on it without the log repeating personal data. */
  detail: string;
}

export type Verdict = { verdict: 'allow'; reasons: [] } | { verdict: 'block'; reasons: string[] };

/** `category: what matched`, the form the spec gives for a verdict's reasons. */
export function reasonText(finding: Finding): string {
  return `${finding.category}: ${finding.detail}`;
}
