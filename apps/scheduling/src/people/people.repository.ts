import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { selectEntities } from '../entity-rows';
import { CaseEntity } from './case.entity';
import { PersonEntity } from './person.entity';

type PersonFacts = Omit<PersonEntity, 'updatedAt' | 'removedAt' | 'sourceSequence'>;

/** People and cases as the cases service's events describe them. */
@Injectable()
export class PeopleRepository {
  /**
   * Inserts or updates a person from an event; an update older than what is stored (by the
   * source's sequence) changes nothing, so events arriving out of order do no harm.
   */
  async upsert(manager: EntityManager, facts: PersonFacts, event: DomainEvent): Promise<void> {
    await manager.query(
      `INSERT INTO scheduling.person (id, kind, organisation_id, case_id, role, supports_participant_id, language, time_zone,
         in_custody, establishment, needs_accessible_venue, interpreter_language, active, user_id, source_sequence, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
       ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, case_id = EXCLUDED.case_id,
         user_id = COALESCE(EXCLUDED.user_id, person.user_id),
         role = EXCLUDED.role, supports_participant_id = EXCLUDED.supports_participant_id, language = EXCLUDED.language,
         time_zone = EXCLUDED.time_zone, in_custody = EXCLUDED.in_custody, establishment = EXCLUDED.establishment,
         needs_accessible_venue = EXCLUDED.needs_accessible_venue, interpreter_language = EXCLUDED.interpreter_language,
         active = EXCLUDED.active, source_sequence = EXCLUDED.source_sequence, updated_at = now()
       WHERE person.source_sequence < EXCLUDED.source_sequence`,
      [
        facts.id, facts.kind, facts.organisationId, facts.caseId, facts.role, facts.supportsParticipantId, facts.language,
        facts.timeZone, facts.inCustody, facts.establishment, facts.needsAccessibleVenue, facts.interpreterLanguage,
        facts.active, facts.userId, event.sequence,
      ],
    );
  }

  async markRemoved(manager: EntityManager, personId: string, at: Date): Promise<void> {
    await manager.update(PersonEntity, { id: personId }, { removedAt: at, active: false, updatedAt: new Date() });
  }

  /**
   * Inserts the case or sets the columns given, leaving the others as they are: each event
   * names only what it knows (its partnership, stage or facilitators), in whatever order they come.
   */
  async upsertCase(
    manager: EntityManager,
    row: Omit<CaseEntity, 'updatedAt' | 'partnershipId' | 'stage' | 'leadFacilitatorId' | 'coFacilitatorId'> & Partial<CaseEntity>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseEntity)
      .values({ ...row, updatedAt: new Date() })
      .orUpdate(Object.keys(row).filter((key) => key !== 'id').map(column).concat('updated_at'), ['id'])
      .execute();
  }

  find(manager: EntityManager, ids: readonly string[]): Promise<PersonEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : selectEntities(manager, PersonEntity, 'SELECT * FROM scheduling.person WHERE id = ANY($1::uuid[])', [ids]);
  }

  findOne(manager: EntityManager, id: string): Promise<PersonEntity | null> {
    return manager.findOneBy(PersonEntity, { id });
  }

  /** The facilitator a token subject is, in their organisation. */
  async facilitatorOfUser(manager: EntityManager, organisationId: string, userId: string): Promise<PersonEntity | null> {
    const [found] = await selectEntities(
      manager,
      PersonEntity,
      `SELECT * FROM scheduling.person WHERE kind = 'facilitator' AND organisation_id = $1 AND user_id = $2`,
      [organisationId, userId],
    );
    return found ?? null;
  }

  findCase(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return manager.findOneBy(CaseEntity, { id: caseId });
  }

  /** The case's participants still on it: its parties, supporters and interpreters. */
  ofCase(manager: EntityManager, caseId: string): Promise<PersonEntity[]> {
    return this.ofCases(manager, [caseId]);
  }

  ofCases(manager: EntityManager, caseIds: readonly string[]): Promise<PersonEntity[]> {
    return selectEntities(manager, PersonEntity, 'SELECT * FROM scheduling.person WHERE case_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY id', [caseIds]);
  }
}

function column(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
