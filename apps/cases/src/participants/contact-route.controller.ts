import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type ContactRouteRequestV1, type ContactRouteResponseV1, type ContactRoutesRequestV1, type ContactRoutesResponseV1, RPC_PATTERNS } from '#contracts';
import { ContactRouteService } from './contact-route.service';

/** Answers the notifications service, over the Redis transport, at the moment it sends. */
@Controller()
export class ContactRouteController {
  constructor(private readonly routes: ContactRouteService) {}

  @MessagePattern(RPC_PATTERNS.contactRoute)
  route(@Payload() request: ContactRouteRequestV1): Promise<ContactRouteResponseV1> {
    return this.routes.route(request);
  }

  @MessagePattern(RPC_PATTERNS.contactRoutes)
  routesOf(@Payload() request: ContactRoutesRequestV1): Promise<ContactRoutesResponseV1> {
    return this.routes.routes(request);
  }
}
