import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { InvalidInputError, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChange, CaseChanges } from '../access/case-changes';
import { requireOpen } from '../access/require-open';
import { CASE_WRITERS } from '../access/roles';
import { CASES_DB } from '../database';
import type { CreateParticipantDto, UpdateParticipantDto } from './dto/participant.dto';
import { normalisePhone, participantViolations } from './participant-rules';
import { participantFacts, ParticipantRecord } from './participant.record';
import { ParticipantRepository } from './participant.repository';
import { ParticipantView, toParticipantView } from './participant.view';

/** Fields whose change is audited by name only. */
const PERSONAL_FIELDS = ['name', 'phone', 'email', 'address', 'letterAddress', 'accessibilityNeeds'] as const;

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly participants: ParticipantRepository,
  ) {}

  add(principal: Principal, caseId: string, dto: CreateParticipantDto): Promise<ParticipantView> {
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      requireOpen(tx.case, 'changing participants');
      const now = new Date();
      const record = this.merge(
        {
          id: randomUUID(),
          caseId,
          role: dto.role,
          supportsParticipantId: null,
          name: dto.name,
          phone: null,
          email: null,
          address: null,
          letterAddress: null,
          smsAllowed: false,
          voicemailAllowed: false,
          emailAllowed: false,
          lettersAllowed: false,
          preferredChannel: null,
          discreet: false,
          language: 'en',
          timeZone: 'Europe/London',
          accessibilityNeeds: null,
          needsAccessibleVenue: false,
          interpreterLanguage: null,
          inCustody: false,
          establishment: null,
          removedAt: null,
          createdAt: now,
          updatedAt: now,
        },
        dto,
      );
      await this.validate(tx, record);
      await this.participants.insert(tx.manager, record);
      await tx.emit('participant.added', participantFacts(record));
      await tx.audit('create', 'participant', record.id, { role: record.role });
      return toParticipantView(record);
    });
  }

  update(principal: Principal, caseId: string, participantId: string, dto: UpdateParticipantDto): Promise<ParticipantView> {
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      requireOpen(tx.case, 'changing participants');
      const current = await this.active(tx, participantId);
      const updated = this.merge({ ...current, updatedAt: new Date() }, dto);
      await this.validate(tx, updated);
      await this.participants.save(tx.manager, updated);
      await tx.emit('participant.changed', participantFacts(updated));
      const changed = (Object.keys(dto) as (keyof UpdateParticipantDto)[]).filter((field) => dto[field] !== undefined);
      await tx.audit('update', 'participant', participantId, {
        fields: changed,
        personalDataChanged: changed.some((f) => (PERSONAL_FIELDS as readonly string[]).includes(f)),
      });
      return toParticipantView(updated);
    });
  }

  remove(principal: Principal, caseId: string, participantId: string): Promise<void> {
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      const current = await this.active(tx, participantId);
      await this.participants.save(tx.manager, { ...current, removedAt: new Date(), updatedAt: new Date() });
      await tx.emit('participant.removed', { participantId });
      await tx.audit('delete', 'participant', participantId);
    });
  }

  async list(principal: Principal, caseId: string): Promise<ParticipantView[]> {
    await this.access.read(principal, caseId, 'participants');
    const records = await this.participants.forCase(this.dataSource.manager, caseId);
    return records.map(toParticipantView);
  }

  async get(principal: Principal, caseId: string, participantId: string): Promise<ParticipantView> {
    await this.access.read(principal, caseId, 'participant', participantId);
    const record = await this.participants.find(this.dataSource.manager, caseId, participantId);
    if (!record) throw new NotFoundError('participant', participantId);
    return toParticipantView(record);
  }

  private merge(base: ParticipantRecord, dto: UpdateParticipantDto): ParticipantRecord {
    const pick = <K extends keyof ParticipantRecord>(value: ParticipantRecord[K] | undefined, key: K) => value ?? base[key];
    const phone = dto.phone === undefined ? base.phone : normalisePhone(dto.phone);
    if (dto.phone !== undefined && phone === null) {
      throw InvalidInputError.field('phone', 'isPhoneNumber', `phone ${dto.phone} is not a valid phone number`);
    }
    return {
      ...base,
      role: pick(dto.role, 'role'),
      supportsParticipantId: pick(dto.supportsParticipantId, 'supportsParticipantId'),
      name: pick(dto.name?.trim(), 'name'),
      phone,
      email: pick(dto.email?.toLowerCase(), 'email'),
      address: pick(dto.address, 'address'),
      letterAddress: pick(dto.letterAddress, 'letterAddress'),
      smsAllowed: pick(dto.safeChannels?.sms, 'smsAllowed'),
      voicemailAllowed: pick(dto.safeChannels?.voicemail, 'voicemailAllowed'),
      emailAllowed: pick(dto.safeChannels?.email, 'emailAllowed'),
      lettersAllowed: pick(dto.safeChannels?.letters, 'lettersAllowed'),
      preferredChannel: pick(dto.preferredChannel, 'preferredChannel'),
      discreet: pick(dto.discreet, 'discreet'),
      language: pick(dto.language, 'language'),
      timeZone: pick(dto.timeZone, 'timeZone'),
      accessibilityNeeds: pick(dto.accessibilityNeeds, 'accessibilityNeeds'),
      needsAccessibleVenue: pick(dto.needsAccessibleVenue, 'needsAccessibleVenue'),
      interpreterLanguage: pick(dto.interpreterLanguage, 'interpreterLanguage'),
      inCustody: pick(dto.inCustody, 'inCustody'),
      establishment: pick(dto.establishment, 'establishment'),
    };
  }

  private async validate(tx: CaseChange, record: ParticipantRecord): Promise<void> {
    const others = (await this.participants.forCase(tx.manager, record.caseId)).filter((p) => p.id !== record.id);
    const violations = participantViolations(record, others);
    if (violations.length > 0) throw new InvalidInputError(violations);
  }

  private async active(tx: CaseChange, participantId: string): Promise<ParticipantRecord> {
    const record = await this.participants.find(tx.manager, tx.case.id, participantId);
    if (!record || record.removedAt) throw new NotFoundError('participant', participantId);
    return record;
  }
}
