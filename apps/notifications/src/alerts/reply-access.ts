import { hasRole, type Principal } from '#auth';
import { ALERT_READERS, REPLY_READERS } from '../access/roles';
import type { AlertKind } from './alert.entity';

/**
 * Who reads a forwarded reply's text: the case's facilitators, known by their token subject.
 * Where notifications knows none of them by token (a case allocated before it heard
 * allocations, facilitators without a user id), the organisation's coordinators, so that no
 * reply is ever unreadable.
 */
export type ReplyReaders = 'facilitators' | 'coordinators';

export interface AlertSight {
  /** The caller sees the alert (that something happened). */
  visible: boolean;
  /** The caller reads the reply's text. */
  readsReply: boolean;
  /**
   * The caller may mark it seen: an alert they see, and for a reply one whose text they read (a
   * coordinator who acknowledged a reply meant for the facilitators would hide it from them).
   */
  mayAcknowledge: boolean;
  /** For a reply: who reads its text; null for any other alert. */
  readableBy: ReplyReaders | null;
}

const UNSEEN: AlertSight = { visible: false, readsReply: false, mayAcknowledge: false, readableBy: null };

/**
 * What the caller sees of an alert, given the token subjects of its case's current
 * facilitators. Within their organisation only: coordinators see every alert, a reply's text
 * only when it is theirs to read; a facilitator sees the replies of their own cases, with the
 * text, and nothing else.
 */
export function sightOf(principal: Principal, alert: { organisationId: string; kind: AlertKind }, facilitatorUserIds: readonly string[]): AlertSight {
  if (alert.organisationId !== principal.organisationId) return UNSEEN;
  const coordinator = hasRole(principal, ...ALERT_READERS);
  if (alert.kind !== 'reply-received') return { visible: coordinator, readsReply: false, mayAcknowledge: coordinator, readableBy: null };
  const readableBy: ReplyReaders = facilitatorUserIds.length > 0 ? 'facilitators' : 'coordinators';
  const ownCase = hasRole(principal, ...REPLY_READERS) && facilitatorUserIds.includes(principal.userId);
  const readsReply = ownCase || (readableBy === 'coordinators' && coordinator);
  return { visible: readsReply || coordinator, readsReply, mayAcknowledge: readsReply, readableBy };
}
