import { Injectable } from '@nestjs/common';
import { type PollLinkRequestV1, type PollLinkResponseV1, RPC_PATTERNS } from '#contracts';
import { RpcClient } from '#messaging';

/** A poll's link, asked of the scheduling service at the moment of sending: its token is a secret kept nowhere here. */
@Injectable()
export class PollLinks {
  constructor(private readonly rpc: RpcClient) {}

  link(pollId: string, participantId: string): Promise<PollLinkResponseV1> {
    return this.rpc.request<PollLinkResponseV1, PollLinkRequestV1>(RPC_PATTERNS.pollLink, { pollId, participantId });
  }
}
