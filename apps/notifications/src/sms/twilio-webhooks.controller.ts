import { Body, Controller, Header, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '#platform';
import { InboundService, type InboundSms } from './inbound.service';
import { type StatusCallback, StatusCallbacks } from './status-callbacks';
import { TwilioSignature } from './twilio-signature';

/** Twilio's webhooks: public, but every request must carry Twilio's signature (403 otherwise). */
@Public()
@ApiExcludeController()
@Controller('webhooks/twilio')
export class TwilioWebhooksController {
  constructor(
    private readonly signature: TwilioSignature,
    private readonly statuses: StatusCallbacks,
    private readonly inbound: InboundService,
  ) {}

  @Post('status')
  @HttpCode(204)
  async status(@Req() request: Request, @Headers('x-twilio-signature') signature: string | undefined, @Body() body: Record<string, string>, @Query('message') messageId: string): Promise<void> {
    this.signature.verify(signature, request.originalUrl, body);
    await this.statuses.apply(messageId ?? '', body as StatusCallback);
  }

  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async receive(@Req() request: Request, @Headers('x-twilio-signature') signature: string | undefined, @Body() body: Record<string, string>): Promise<string> {
    this.signature.verify(signature, request.originalUrl, body);
    return twiml(await this.inbound.receive(body as InboundSms));
  }
}

function twiml(reply: string | null): string {
  const escaped = reply?.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${escaped ? `<Message>${escaped}</Message>` : ''}</Response>`;
}
