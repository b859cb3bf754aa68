import type { SessionRecord } from '../attendance/attendance.repository';
import type { SessionChangeView, SessionRecordView, SessionView } from './dto/session.dto';
import type { SessionChangeEntity, SessionEntity } from './session.entity';

export function toSessionView(s: SessionEntity): SessionView {
  return {
    id: s.id,
    caseId: s.caseId,
    kind: s.kind,
    status: s.status,
    version: s.version,
    durationMinutes: s.durationMinutes,
    delivery: s.delivery,
    participantIds: s.participantIds,
    facilitatorIds: s.facilitatorIds,
    notBefore: s.notBefore?.toISOString() ?? null,
    after: s.afterRules,
    startsAt: s.startsAt?.toISOString() ?? null,
    endsAt: s.endsAt?.toISOString() ?? null,
    venueId: s.venueId,
    holdExpiresAt: s.holdExpiresAt?.toISOString() ?? null,
    cancelReason: s.cancelReason,
    requestedAt: s.requestedAt.toISOString(),
  };
}

export function toSessionRecordView(s: SessionEntity, record: SessionRecord): SessionRecordView {
  return {
    ...toSessionView(s),
    attendance: record.confirmations.map((c) => ({ participantId: c.participantId, via: c.via, confirmedAt: c.confirmedAt.toISOString() })),
    rescheduleRequests: record.rescheduleRequests.map((r) => ({ participantId: r.participantId, requestedAt: r.requestedAt.toISOString() })),
    outcome: record.outcome && { outcome: record.outcome.outcome, recordedAt: record.outcome.recordedAt.toISOString() },
  };
}

export function toChangeView(c: SessionChangeEntity): SessionChangeView {
  return {
    version: c.version,
    action: c.action,
    status: c.status,
    startsAt: c.startsAt?.toISOString() ?? null,
    venueId: c.venueId,
    actor: c.actor,
    at: c.at.toISOString(),
  };
}
