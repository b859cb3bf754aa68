import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '#platform';
import { ROLES_KEY } from './decorators';
import type { Principal, Role } from './principal';
import { hasRole } from './principal';
import { InvalidTokenError, TokenService } from './token.service';

/**
 * Every HTTP route needs a valid bearer token and a role its @Roles allows, unless it is
 * @Public. Deny by default: a route that forgot @Roles answers 403 to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('a bearer token is required');
    try {
      request.principal = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!hasRole(request.principal, ...allowed)) {
      throw new ForbiddenException(
        allowed.length === 0 ? 'no role may call this route' : `this needs one of the roles: ${allowed.join(', ')}`,
      );
    }
    return true;
  }
}
