import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ContactRouteRequestV1, ContactRouteResponseV1 } from '#contracts';
import { AuditLog } from '../audit/audit-log';
import { CaseEntity } from '../case/case.entity';
import { CASES_DB } from '../database';
import { isOpen } from '../stages/stage-machine';
import { contactRoute } from './contact-route';
import { ParticipantRepository } from './participant.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ContactRouteService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly participants: ParticipantRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The route, and an audit entry naming the service that read contact details. */
  async route(request: ContactRouteRequestV1): Promise<ContactRouteResponseV1> {
    const { caseId, participantId } = request ?? {};
    if (!UUID.test(String(caseId)) || !UUID.test(String(participantId))) {
      return { participantId: String(participantId), recipient: null, unreachableReason: 'caseId and participantId must be UUIDs' };
    }
    return this.dataSource.transaction(async (manager) => {
      const kase = await manager.findOneBy(CaseEntity, { id: caseId });
      if (!kase) return { participantId, recipient: null, unreachableReason: 'no such case' };
      if (!isOpen(kase.stage)) return { participantId, recipient: null, unreachableReason: `the case is ${kase.stage}` };
      const route = contactRoute(participantId, await this.participants.forCase(manager, caseId, { includeRemoved: true }));
      await this.audit.record(
        manager,
        { userId: 'service:notifications', roles: [], organisationId: kase.organisationId, partnershipId: kase.partnershipId },
        { caseId, action: 'read', subject: 'contact-route', subjectId: route.recipient?.participantId ?? participantId },
      );
      return route;
    });
  }
}
