import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'convene:public';

/** A route that needs no bearer token: probes, metrics, provider webhooks with their own checks. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
