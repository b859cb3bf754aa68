import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { FieldCipher } from '#platform';
import { ParticipantEntity } from './participant.entity';
import type { ParticipantRecord, PreferredChannel } from './participant.record';

const ENCRYPTED = ['name', 'phone', 'email', 'address', 'letterAddress', 'accessibilityNeeds'] as const;

/**
 * Participants in and out of the database. Personal fields are encrypted here and only here,
 * each bound to its participant and field, so the raw table never holds them in clear.
 */
@Injectable()
export class ParticipantRepository {
  constructor(private readonly cipher: FieldCipher) {}

  async insert(manager: EntityManager, record: ParticipantRecord): Promise<void> {
    await manager.insert(ParticipantEntity, this.toEntity(record));
  }

  async save(manager: EntityManager, record: ParticipantRecord): Promise<void> {
    const { id, caseId: _case, createdAt: _created, ...changes } = this.toEntity(record);
    await manager.update(ParticipantEntity, { id }, changes);
  }

  async forCase(manager: EntityManager, caseId: string, options: { includeRemoved?: boolean } = {}): Promise<ParticipantRecord[]> {
    const rows = await manager.find(ParticipantEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.filter((row) => options.includeRemoved || row.removedAt === null).map((row) => this.toRecord(row));
  }

  /** Everyone on these cases, removed participants included, in one query. */
  async forCases(manager: EntityManager, caseIds: string[]): Promise<ParticipantRecord[]> {
    if (caseIds.length === 0) return [];
    const rows = await manager.find(ParticipantEntity, { where: { caseId: In(caseIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => this.toRecord(row));
  }

  async find(manager: EntityManager, caseId: string, participantId: string): Promise<ParticipantRecord | null> {
    const row = await manager.findOneBy(ParticipantEntity, { id: participantId, caseId });
    return row ? this.toRecord(row) : null;
  }

  private toEntity(record: ParticipantRecord): ParticipantEntity {
    const context = (field: string) => `participant:${record.id}:${field}`;
    return {
      id: record.id,
      caseId: record.caseId,
      role: record.role,
      supportsParticipantId: record.supportsParticipantId,
      nameCiphertext: this.cipher.encrypt(record.name, context('name')),
      phoneCiphertext: this.cipher.encryptOptional(record.phone, context('phone')),
      emailCiphertext: this.cipher.encryptOptional(record.email, context('email')),
      addressCiphertext: this.cipher.encryptOptional(record.address, context('address')),
      letterAddressCiphertext: this.cipher.encryptOptional(record.letterAddress, context('letterAddress')),
      accessibilityNeedsCiphertext: this.cipher.encryptOptional(record.accessibilityNeeds, context('accessibilityNeeds')),
      smsAllowed: record.smsAllowed,
      voicemailAllowed: record.voicemailAllowed,
      emailAllowed: record.emailAllowed,
      lettersAllowed: record.lettersAllowed,
      preferredChannel: record.preferredChannel,
      discreet: record.discreet,
      language: record.language,
      timeZone: record.timeZone,
      needsAccessibleVenue: record.needsAccessibleVenue,
      interpreterLanguage: record.interpreterLanguage,
      inCustody: record.inCustody,
      establishment: record.establishment,
      removedAt: record.removedAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  private toRecord(row: ParticipantEntity): ParticipantRecord {
    const decrypt = (field: (typeof ENCRYPTED)[number], value: string | null) =>
      this.cipher.decryptOptional(value, `participant:${row.id}:${field}`);
    return {
      id: row.id,
      caseId: row.caseId,
      role: row.role,
      supportsParticipantId: row.supportsParticipantId,
      name: decrypt('name', row.nameCiphertext)!,
      phone: decrypt('phone', row.phoneCiphertext),
      email: decrypt('email', row.emailCiphertext),
      address: decrypt('address', row.addressCiphertext),
      letterAddress: decrypt('letterAddress', row.letterAddressCiphertext),
      accessibilityNeeds: decrypt('accessibilityNeeds', row.accessibilityNeedsCiphertext),
      smsAllowed: row.smsAllowed,
      voicemailAllowed: row.voicemailAllowed,
      emailAllowed: row.emailAllowed,
      lettersAllowed: row.lettersAllowed,
      preferredChannel: row.preferredChannel as PreferredChannel | null,
      discreet: row.discreet,
      language: row.language,
      timeZone: row.timeZone,
      needsAccessibleVenue: row.needsAccessibleVenue,
      interpreterLanguage: row.interpreterLanguage,
      inCustody: row.inCustody,
      establishment: row.establishment,
      removedAt: row.removedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
