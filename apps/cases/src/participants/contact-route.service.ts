import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { CONTACT_ROUTES_MAX, type ContactRouteRequestV1, type ContactRouteResponseV1, type ContactRoutesRequestV1, type ContactRoutesResponseV1 } from '#contracts';
import { AuditLog } from '../audit/audit-log';
import { CaseEntity } from '../case/case.entity';
import { CASES_DB } from '../database';
import { isOpen } from '../stages/stage-machine';
import { contactRoute } from './contact-route';
import type { ParticipantRecord } from './participant.record';
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
    const [route] = await this.answer([request ?? ({} as ContactRouteRequestV1)]);
    return route!;
  }

  /** Many routes in one transaction (one read of the cases and their participants), each audited as the single one is. */
  async routes(request: ContactRoutesRequestV1): Promise<ContactRoutesResponseV1> {
    const asked: unknown = request?.routes;
    if (!Array.isArray(asked) || asked.length > CONTACT_ROUTES_MAX) {
      throw new RpcException(`routes must be an array of at most ${CONTACT_ROUTES_MAX} { caseId, participantId }`);
    }
    return { routes: await this.answer(asked as ContactRouteRequestV1[]) };
  }

  private async answer(requests: ContactRouteRequestV1[]): Promise<ContactRouteResponseV1[]> {
    const valid = (r: ContactRouteRequestV1) => UUID.test(String(r?.caseId)) && UUID.test(String(r?.participantId));
    const caseIds = [...new Set(requests.filter(valid).map((r) => r.caseId))];
    if (caseIds.length === 0) return requests.map((r) => malformed(r));
    return this.dataSource.transaction(async (manager) => {
      const cases = new Map((await manager.findBy(CaseEntity, { id: In(caseIds) })).map((kase) => [kase.id, kase]));
      const open = [...cases.values()].filter((kase) => isOpen(kase.stage)).map((kase) => kase.id);
      const people = new Map<string, ParticipantRecord[]>();
      for (const person of await this.participants.forCases(manager, open)) people.set(person.caseId, [...(people.get(person.caseId) ?? []), person]);
      const audits: Parameters<AuditLog['recordAll']>[1] = [];
      const routes = requests.map((request): ContactRouteResponseV1 => {
        if (!valid(request)) return malformed(request);
        const { caseId, participantId } = request;
        const kase = cases.get(caseId);
        if (!kase) return { participantId, recipient: null, unreachableReason: 'no such case' };
        if (!isOpen(kase.stage)) return { participantId, recipient: null, unreachableReason: `the case is ${kase.stage}` };
        const route = contactRoute(participantId, people.get(caseId) ?? []);
        audits.push({
          principal: { userId: 'service:notifications', roles: [], organisationId: kase.organisationId, partnershipId: kase.partnershipId },
          record: { caseId, action: 'read', subject: 'contact-route', subjectId: route.recipient?.participantId ?? participantId },
        });
        return route;
      });
      await this.audit.recordAll(manager, audits);
      return routes;
    });
  }
}

function malformed(request: ContactRouteRequestV1 | undefined): ContactRouteResponseV1 {
  return { participantId: String(request?.participantId), recipient: null, unreachableReason: 'caseId and participantId must be UUIDs' };
}
