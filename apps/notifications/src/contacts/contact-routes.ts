import { Injectable } from '@nestjs/common';
import { type ContactRouteRequestV1, type ContactRouteResponseV1, RPC_PATTERNS } from '#contracts';
import { RpcClient } from '#messaging';

export type Recipient = NonNullable<ContactRouteResponseV1['recipient']>;

/**
 * Where a participant's logistics may go, asked of the cases service at the moment of sending.
 * The answer (names, numbers, addresses) lives in memory for the one send and is never stored.
 */
@Injectable()
export class ContactRoutes {
  constructor(private readonly rpc: RpcClient) {}

  route(caseId: string, participantId: string): Promise<ContactRouteResponseV1> {
    return this.rpc.request<ContactRouteResponseV1, ContactRouteRequestV1>(RPC_PATTERNS.contactRoute, { caseId, participantId });
  }

  /** The routes of several participants of one case, asked at once. */
  routes(caseId: string, participantIds: readonly string[]): Promise<ContactRouteResponseV1[]> {
    return Promise.all(participantIds.map((participantId) => this.route(caseId, participantId)));
  }
}
