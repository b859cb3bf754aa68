import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type PollLinkRequestV1, type PollLinkResponseV1, RPC_PATTERNS } from '#contracts';
import { PollsService } from './polls.service';

/** Answers the notifications service, over the Redis transport, when it sends a poll message. */
@Controller()
export class PollLinkController {
  constructor(private readonly polls: PollsService) {}

  @MessagePattern(RPC_PATTERNS.pollLink)
  link(@Payload() request: PollLinkRequestV1): Promise<PollLinkResponseV1> {
    return this.polls.link(request);
  }
}
