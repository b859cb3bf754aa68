import { createHash } from 'node:crypto';
import {
  type DeliveryType,
  type DomainEvent,
  type EventPayloads,
  type EventType,
  JUSTICE_STAGES,
  type MessageChannel,
  type MessagePurpose,
  type MessageStatus,
  OFFENCE_CATEGORIES,
  REFERRAL_SOURCES,
  type ServiceName,
  type SessionKind,
} from '#contracts';

/**
 * Generated event logs of whole RJ cases, as the services would publish them: the case's own
 * events (cases), its sessions booked, moved, cancelled, confirmed and held (scheduling), and
 * each attendee's confirmation and reminder messages with their statuses, reschedule requests
 * and opt-outs (notifications), in about the proportions a service sees: messages are most of
 * the log. For the benchmark and for specs of order, duplicates and replay. Deterministic for a seed.
 */
export interface GenerateOptions {
  cases: number;
  seed: number;
  organisations?: number;
  partnershipId?: string;
  /** Referrals are received over the year from here. */
  start?: Date;
}

const HOUR = 3600_000;

/** Who publishes each event that is not the cases service's; each source numbers its own events. */
const SOURCES: Partial<Record<EventType, ServiceName>> = {
  'session.booked': 'scheduling',
  'session.rescheduled': 'scheduling',
  'session.cancelled': 'scheduling',
  'session.attendance-confirmed': 'scheduling',
  'session.outcome-recorded': 'scheduling',
  'message.status-changed': 'notifications',
  'reply.reschedule-requested': 'notifications',
  'channel.opted-out': 'notifications',
};

/** What becomes of a message, with how often: most are delivered, a few fail, are held or dropped. */
const MESSAGE_FATES: [number, MessageStatus[]][] = [
  [0.88, ['queued', 'sent', 'delivered']],
  [0.03, ['queued', 'failed']],
  [0.02, ['queued', 'sent', 'undelivered']],
  [0.03, ['held', 'released', 'queued', 'sent', 'delivered']],
  [0.01, ['held', 'discarded']],
  [0.01, ['queued', 'dropped']],
  [0.02, ['queued', 'sent']],
];

export function generateEvents(options: GenerateOptions): DomainEvent[] {
  return [...eventsOf(options)];
}

/** The same events one case at a time, so a large log need not be held whole. */
export function eventsOf(options: GenerateOptions): Iterable<DomainEvent> {
  return new Generator(options).run();
}

class Generator {
  /** The events of the case being generated. */
  private events: DomainEvent[] = [];
  private readonly random: () => number;
  private readonly sequences = new Map<ServiceName, number>();
  private readonly facilitators = new Map<string, string[]>();

  constructor(private readonly options: GenerateOptions) {
    this.random = mulberry32(options.seed);
  }

  *run(): IterableIterator<DomainEvent> {
    const organisations = this.options.organisations ?? 4;
    const start = (this.options.start ?? new Date('2026-01-01T00:00:00Z')).getTime();
    for (let o = 0; o < organisations; o += 1) {
      const organisation = `org-${o + 1}`;
      const ids = Array.from({ length: Math.max(4, Math.ceil(this.options.cases / organisations / 40)) }, (_, i) => this.id(`fac-${o}-${i}`));
      this.facilitators.set(organisation, ids);
      for (const facilitatorId of ids) {
        this.emit('facilitator.registered', null, organisation, new Date(start), { facilitatorId, capacity: 10, timeZone: 'Europe/London', active: true });
      }
    }
    yield* this.taken();
    for (let n = 0; n < this.options.cases; n += 1) {
      this.oneCase(n, `org-${(n % organisations) + 1}`, start + this.random() * 360 * 24 * HOUR);
      yield* this.taken();
    }
  }

  private taken(): DomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private oneCase(n: number, organisation: string, receivedAt: number): void {
    const caseId = this.id(`case-${n}`);
    let at = receivedAt;
    const emit = <T extends EventType>(type: T, payload: EventPayloads[T]) => this.emit(type, caseId, organisation, new Date(at), payload);
    const later = (maxHours: number) => (at += (0.5 + this.random() * maxHours) * HOUR);
    let stage: EventPayloads['case.stage-changed']['from'] = 'referred';
    const move = (to: typeof stage, extra: Partial<EventPayloads['case.stage-changed']> = {}) => {
      emit('case.stage-changed', { from: stage, to, changedAt: new Date(at).toISOString(), reason: null, withdrawnBy: null, delivery: null, ...extra });
      stage = to;
    };

    emit('case.referred', {
      reference: `RJ-2026-${String(n + 1).padStart(6, '0')}`,
      partnershipId: this.options.partnershipId ?? 'partnership-1',
      source: this.pick(REFERRAL_SOURCES),
      initiatedBy: this.random() < 0.7 ? 'person-harmed' : 'person-responsible',
      offenceCategory: this.pick(OFFENCE_CATEGORIES),
      domesticAbuse: this.random() < 0.1,
      sexualOffence: this.random() < 0.05,
      hateCrime: this.random() < 0.05,
      justiceStage: this.pick(JUSTICE_STAGES),
      ageGroup: this.random() < 0.2 ? 'youth' : 'adult',
      receivedAt: new Date(at).toISOString(),
      firstContactDueAt: new Date(at + 48 * HOUR).toISOString(),
    });
    later(24);
    if (this.random() < 0.12) {
      emit('case.triaged', { decision: 'rejected', rejectionReason: 'no-admission-of-responsibility', decidedAt: new Date(at).toISOString() });
      return move('rejected', { reason: 'no-admission-of-responsibility' as never /* a triage reason; cases casts it the same way */ });
    }
    emit('case.triaged', { decision: 'accepted', rejectionReason: null, decidedAt: new Date(at).toISOString() });
    move('first-contact');
    const harmed = this.participant(caseId, 'person-harmed', emit);
    const responsible = this.participant(caseId, 'person-responsible', emit);

    const attempts = 1 + Math.floor(this.random() * 3);
    const reaches = this.random() < 0.9;
    for (let a = 0; a < attempts; a += 1) {
      later(40);
      const reached = reaches && a === attempts - 1;
      emit('case.contact-attempted', {
        attemptId: this.id(`attempt-${n}-${a}`), participantId: harmed, participantRole: 'person-harmed', channel: 'phone',
        outcome: reached ? 'reached' : 'no-answer', attemptedAt: new Date(at).toISOString(), firstContact: reached,
      });
    }
    if (!reaches) return move('uncontactable');

    const team = this.facilitators.get(organisation)!;
    const lead = Math.floor(this.random() * team.length);
    emit('case.facilitators-assigned', { leadFacilitatorId: team[lead]!, coFacilitatorId: team[(lead + 1) % team.length]!, capacityOverridden: false });
    later(72);
    move('assessment');
    for (const participantId of [harmed, responsible]) {
      emit('assessment.recorded', {
        assessmentId: this.id(`assessment-${participantId}`), participantId, suitable: true, riskLevel: 'low', stage: 'assessment',
        assessedAt: new Date(at).toISOString(),
      });
    }
    if (this.random() < 0.1) return move('unsuitable', { reason: 'risk-of-further-harm' });
    later(72);
    move('consent');
    for (const [participantId, role] of [[harmed, 'person-harmed'], [responsible, 'person-responsible']] as const) {
      emit('consent.recorded', {
        consentId: this.id(`consent-${participantId}`), participantId, participantRole: role, scope: 'participation', method: 'written',
        givenAt: new Date(at).toISOString(),
      });
    }
    if (this.random() < 0.1) {
      later(48);
      emit('consent.withdrawn', {
        consentId: this.id(`consent-${harmed}`), participantId: harmed, participantRole: 'person-harmed', scope: 'participation',
        withdrawnAt: new Date(at).toISOString(),
      });
      return move('withdrawn', { withdrawnBy: 'person-harmed' });
    }
    later(48);
    move('preparation');
    emit('session.requested', {
      requestId: this.id(`prep-${n}`), kind: 'preparation', participantIds: [harmed], facilitatorIds: [team[lead]!], durationMinutes: 60,
      delivery: null, notBefore: null, requestedAt: new Date(at).toISOString(),
    });
    const sessions = (kind: SessionKind, participantIds: string[]) =>
      this.session(caseId, organisation, `${kind}-${n}`, kind, participantIds, [team[lead]!], () => later(72), () => at);
    sessions('preparation', [harmed]);
    sessions('preparation', [responsible]);
    later(240);
    const direct = this.random() < 0.6;
    const delivery: DeliveryType = direct ? (this.random() < 0.8 ? 'face-to-face-conference' : 'video-conference') : 'letters';
    move(direct ? 'direct-meeting' : 'indirect-communication', { delivery });
    sessions(direct ? 'conference' : 'indirect-step', direct ? [harmed, responsible] : [harmed]);
    later(48);
    const agreementId = this.id(`agreement-${n}`);
    const actions = Array.from({ length: 1 + Math.floor(this.random() * 3) }, (_, i) => ({
      actionId: this.id(`action-${n}-${i}`),
      dueBy: new Date(at + (10 + this.random() * 40) * 24 * HOUR).toISOString(),
    }));
    emit('outcome-agreement.recorded', { agreementId, madeAt: new Date(at).toISOString(), actions });
    move('outcome-agreement');
    for (const action of actions) {
      if (this.random() < 0.3) continue;
      const completedAt = new Date(Date.parse(action.dueBy) + (this.random() - 0.7) * 20 * 24 * HOUR).toISOString();
      emit('outcome-action.updated', { agreementId, actionId: action.actionId, status: 'completed', dueBy: action.dueBy, completedAt });
    }
    later(24 * 30);
    move('follow-up');
    sessions('follow-up', this.random() < 0.5 ? [harmed, responsible] : [harmed]);
    emit('feedback.recorded', {
      feedbackId: this.id(`feedback-${n}`), participantId: harmed, participantRole: 'person-harmed',
      satisfaction: 1 + Math.min(4, Math.floor(this.random() * 5.5)), recordedAt: new Date(at).toISOString(),
    });
    later(72);
    move('closed', { reason: 'completed' });
  }

  /**
   * A session booked and, now and then, moved (after a reschedule request, half the time) or
   * cancelled; each attendee gets a confirmation and a reminder for each version, and most
   * confirm; the coordinator records whether it took place.
   */
  private session(
    caseId: string,
    organisation: string,
    name: string,
    kind: SessionKind,
    participantIds: string[],
    facilitatorIds: string[],
    later: () => void,
    now: () => number,
  ): void {
    const sessionId = this.id(`session-${name}`);
    const at = () => new Date(now());
    const emit = <T extends EventType>(type: T, payload: EventPayloads[T]) => this.emit(type, caseId, organisation, at(), payload);
    const placed = (version: number) => ({
      sessionId, kind, version, participantIds, facilitatorIds, startsAt: new Date(now() + 72 * HOUR).toISOString(),
      endsAt: new Date(now() + 74 * HOUR).toISOString(), venueId: this.id(`venue-${organisation}`), venueKind: 'community' as const,
    });
    const tell = (version: number, purpose: MessagePurpose) => {
      for (const participantId of participantIds) this.message(caseId, organisation, sessionId, participantId, purpose, at());
      if (purpose === 'reminder') this.answers(caseId, organisation, sessionId, kind, version, participantIds, at());
    };
    let version = 1;
    emit('session.booked', placed(version));
    tell(version, 'confirmation');
    later();
    if (this.random() < 0.15) {
      if (this.random() < 0.5) {
        emit('reply.reschedule-requested', { sessionId, sessionVersion: version, participantId: participantIds[0]!, channel: 'sms', receivedAt: at().toISOString() });
      }
      const previous = placed(version);
      version += 1;
      emit('session.rescheduled', { ...placed(version), previousStartsAt: previous.startsAt, previousVenueId: previous.venueId });
      tell(version, 'reschedule');
      later();
    }
    if (this.random() < 0.05) {
      version += 1;
      emit('session.cancelled', { sessionId, kind, version, participantIds, facilitatorIds, reason: 'cancelled-by-coordinator', wasBookedFor: placed(version).startsAt });
      tell(version, 'cancellation');
      return;
    }
    tell(version, 'reminder');
    emit('session.outcome-recorded', { sessionId, kind, version, outcome: this.random() < 0.92 ? 'took-place' : 'did-not-take-place', recordedAt: at().toISOString() });
  }

  /** One message's statuses as notifications would publish them, by the fate drawn for it. */
  private message(caseId: string | null, organisation: string, sessionId: string | null, participantId: string, purpose: MessagePurpose, at: Date): void {
    const messageId = this.id(`message-${this.sequences.get('notifications') ?? 0}`);
    const channel: MessageChannel = this.random() < 0.7 ? 'sms' : 'email';
    let draw = this.random();
    const fate = MESSAGE_FATES.find(([share]) => (draw -= share) < 0)?.[1] ?? MESSAGE_FATES[0]![1];
    for (const status of fate) {
      this.emit('message.status-changed', caseId, organisation, at, { messageId, sessionId, participantId, channel, purpose, status, changedAt: at.toISOString() });
    }
  }

  /** Most attendees confirm a reminder, by reply or to the coordinator; now and then one opts out. */
  private answers(caseId: string, organisation: string, sessionId: string, kind: SessionKind, version: number, participantIds: string[], at: Date): void {
    for (const participantId of participantIds) {
      if (this.random() < 0.6) {
        const via = this.random() < 0.85 ? 'reply' : 'coordinator';
        this.emit('session.attendance-confirmed', caseId, organisation, at, { sessionId, kind, version, participantId, via, confirmedAt: at.toISOString() });
      }
      if (this.random() < 0.01) this.emit('channel.opted-out', caseId, organisation, at, { participantId, channel: 'sms', optedOutAt: at.toISOString() });
      // A reply to HELP now and then: a message about no case, which no cohort counts.
      if (this.random() < 0.01) this.message(null, organisation, null, participantId, 'reply', at);
    }
  }

  private participant(
    caseId: string,
    role: 'person-harmed' | 'person-responsible',
    emit: (type: 'participant.added', payload: EventPayloads['participant.added']) => void,
  ): string {
    const participantId = this.id(`${caseId}-${role}`);
    emit('participant.added', {
      participantId, role, supportsParticipantId: null, language: 'en', timeZone: 'Europe/London', inCustody: false, establishment: null,
      needsAccessibleVenue: false, interpreterLanguage: null, channels: { sms: true, email: true, voicemail: false, letters: true }, discreet: false,
    });
    return participantId;
  }

  private emit<T extends EventType>(type: T, caseId: string | null, organisationId: string, at: Date, payload: EventPayloads[T]): void {
    const source = SOURCES[type] ?? 'cases';
    const sequence = (this.sequences.get(source) ?? 0) + 1;
    this.sequences.set(source, sequence);
    this.events.push({
      id: this.id(`event-${source}-${sequence}`), type, version: 1, occurredAt: at.toISOString(), source, sequence, caseId, organisationId, payload,
    });
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  /** A UUID derived from the seed and a name, so two runs with one seed agree. */
  private id(name: string): string {
    const hex = createHash('sha1').update(`${this.options.seed}:${name}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
