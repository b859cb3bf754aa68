import type { SessionChangeView, SessionView } from './dto/session.dto';
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
