import IORedis from 'ioredis';
import { type ContactRouteRequestV1, type ContactRouteResponseV1, type ContactRoutesRequestV1, type PollLinkRequestV1, type PollLinkResponseV1, RPC_PATTERNS } from '#contracts';

export type Recipient = NonNullable<ContactRouteResponseV1['recipient']>;

/**
 * The cases service's contact routes and scheduling's poll links as notifications asks for them
 * (the Redis transport's request and reply channels), answered from what a test put in. A strict
 * stand-in: a route nobody set up is answered as cases answers an unknown participant.
 */
export class RpcStandIns {
  private readonly routes = new Map<string, ContactRouteResponseV1>();
  private readonly polls = new Map<string, PollLinkResponseV1>();
  /** The patterns asked, one entry a request: how many requests a batch of sends took. */
  readonly requests: string[] = [];
  private constructor(
    private readonly sub: IORedis,
    private readonly pub: IORedis,
    private readonly namespace: string,
  ) {}

  /** Listens on the channels of deployment `namespace` (its QUEUE_PREFIX), as the services' transport does. */
  static async start(redisUrl: string, namespace: string, listen = true): Promise<RpcStandIns> {
    const sub = new IORedis(redisUrl);
    const pub = new IORedis(redisUrl);
    const standIns = new RpcStandIns(sub, pub, namespace);
    if (listen) await sub.subscribe(`${namespace}:${RPC_PATTERNS.contactRoutes}`, `${namespace}:${RPC_PATTERNS.pollLink}`);
    sub.on('message', (channel, raw) => void standIns.answer(channel, raw));
    return standIns;
  }

  /** The participant is reached directly, or (in custody) through the recipient given. */
  route(caseId: string, participantId: string, recipient: Recipient | null, unreachableReason: string | null = null): void {
    this.routes.set(`${caseId}|${participantId}`, { participantId, recipient, unreachableReason });
  }

  pollLink(pollId: string, participantId: string, answer: PollLinkResponseV1): void {
    this.polls.set(`${pollId}|${participantId}`, answer);
  }

  async stop(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private routeOf({ caseId, participantId }: ContactRouteRequestV1): ContactRouteResponseV1 {
    return this.routes.get(`${caseId}|${participantId}`) ?? { participantId, recipient: null, unreachableReason: 'the participant is not on the case' };
  }

  private async answer(channel: string, raw: string): Promise<void> {
    const packet = JSON.parse(raw) as { id: string; data: unknown };
    const pattern = channel.slice(this.namespace.length + 1);
    this.requests.push(pattern);
    let response: unknown;
    if (pattern === RPC_PATTERNS.contactRoutes) {
      response = { routes: (packet.data as ContactRoutesRequestV1).routes.map((asked) => this.routeOf(asked)) };
    } else {
      const { pollId, participantId } = packet.data as PollLinkRequestV1;
      response = this.polls.get(`${pollId}|${participantId}`) ?? { url: null, closesAt: null };
    }
    await this.pub.publish(`${channel}.reply`, JSON.stringify({ id: packet.id, response, isDisposed: true }));
  }
}
