import { Injectable } from '@nestjs/common';
import { CONTACT_ROUTES_MAX, type ContactRouteRequestV1, type ContactRouteResponseV1, type ContactRoutesRequestV1, type ContactRoutesResponseV1, RPC_PATTERNS } from '#contracts';
import { RpcClient } from '#messaging';

export type Recipient = NonNullable<ContactRouteResponseV1['recipient']>;

/**
 * Where participants' logistics may go, asked of the cases service at the moment of sending,
 * many at once (one request for a batch of sends). The answers (names, numbers, addresses) live
 * in memory for the sends and are never stored.
 */
@Injectable()
export class ContactRoutes {
  constructor(private readonly rpc: RpcClient) {}

  async route(caseId: string, participantId: string): Promise<ContactRouteResponseV1> {
    return (await this.routes([{ caseId, participantId }])).get(caseId, participantId);
  }

  /** The routes of these participants (each asked once), to look up by case and participant. */
  async routes(asked: readonly ContactRouteRequestV1[]): Promise<RouteBook> {
    const unique = [...new Map(asked.map((a) => [key(a.caseId, a.participantId), a])).values()];
    const book = new Map<string, ContactRouteResponseV1>();
    for (let i = 0; i < unique.length; i += CONTACT_ROUTES_MAX) {
      const chunk = unique.slice(i, i + CONTACT_ROUTES_MAX);
      const answer = await this.rpc.request<ContactRoutesResponseV1, ContactRoutesRequestV1>(RPC_PATTERNS.contactRoutes, { routes: chunk });
      chunk.forEach((a, n) => book.set(key(a.caseId, a.participantId), answer.routes[n]!));
    }
    return new RouteBook(book);
  }
}

export class RouteBook {
  constructor(private readonly routes: Map<string, ContactRouteResponseV1>) {}

  get(caseId: string, participantId: string): ContactRouteResponseV1 {
    const route = this.routes.get(key(caseId, participantId));
    if (!route) throw new Error(`no contact route was asked for participant ${participantId}`);
    return route;
  }

  /** The recipients of these participants of a case that have one: who a text must not reveal. */
  recipients(caseId: string, participantIds: readonly string[]): Recipient[] {
    return participantIds.flatMap((id) => {
      const recipient = this.get(caseId, id).recipient;
      return recipient ? [recipient] : [];
    });
  }
}

const key = (caseId: string, participantId: string) => `${caseId}|${participantId}`;
