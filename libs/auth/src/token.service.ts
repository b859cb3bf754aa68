import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AuthConfig } from './auth.config';
import { Principal, Role, ROLES, TokenClaims } from './principal';

export class InvalidTokenError extends Error {}

/** Signs and verifies bearer tokens; used by the guard, the token command and tests. */
export class TokenService {
  private readonly jwt: JwtService;

  constructor(config: AuthConfig) {
    // A key object made once: given the secret as a string, the library tries to read it as a
    // public key on every check and fails (about 0.8 ms of CPU a request) before using it.
    const key = createSecretKey(Buffer.from(config.JWT_SECRET));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key,
      signOptions: { algorithm: 'HS256', issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      verifyOptions: { algorithms: ['HS256'], issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    });
  }

  issue(principal: Principal, expiresInSeconds: number): string {
    const claims: TokenClaims = {
      sub: principal.userId,
      roles: principal.roles,
      org: principal.organisationId,
      ...(principal.partnershipId ? { partnership: principal.partnershipId } : {}),
    };
    return this.jwt.sign(claims, { expiresIn: expiresInSeconds });
  }

  verify(token: string): Principal {
    let claims: Partial<TokenClaims>;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof claims.sub !== 'string' || typeof claims.org !== 'string' || roles.length === 0) {
      throw new InvalidTokenError('token lacks sub, org or a known role');
    }
    return {
      userId: claims.sub,
      roles,
      organisationId: claims.org,
      partnershipId: typeof claims.partnership === 'string' ? claims.partnership : null,
    };
  }
}
