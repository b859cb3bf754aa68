import { createHmac } from 'node:crypto';
import { AuthConfig } from './auth.config';
import { InvalidTokenError, TokenService } from './token.service';

const config = (overrides: Partial<AuthConfig> = {}): AuthConfig =>
  Object.assign(new AuthConfig(), { JWT_SECRET: 'a-secret-of-at-least-thirty-two-chars', ...overrides });
const coordinator = { userId: 'u-1', roles: ['coordinator' as const], organisationId: 'org-a', partnershipId: 'p-1' };

/** A token signed by hand with HS256, to give the service claims it would never issue itself. */
function signed(claims: Record<string, unknown>, secret = config().JWT_SECRET): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'convene', aud: 'convene-api', exp: Math.floor(Date.now() / 1000) + 60, ...claims })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('TokenService', () => {
  const tokens = new TokenService(config());

  it('verifies what it issued, giving back the principal', () => {
    expect(tokens.verify(tokens.issue(coordinator, 60))).toEqual(coordinator);
    expect(tokens.verify(signed({ sub: 'u-2', roles: ['manager'], org: 'org-b' }))).toEqual({
      userId: 'u-2',
      roles: ['manager'],
      organisationId: 'org-b',
      partnershipId: null,
    });
  });

  it('refuses a token signed with another secret, for another audience or issuer, or expired', () => {
    const other = new TokenService(config({ JWT_SECRET: 'another-secret-of-thirty-two-chars!!' }));
    expect(() => tokens.verify(other.issue(coordinator, 60))).toThrow(InvalidTokenError);
    expect(() => tokens.verify(new TokenService(config({ JWT_AUDIENCE: 'elsewhere' })).issue(coordinator, 60))).toThrow(/audience/);
    expect(() => tokens.verify(new TokenService(config({ JWT_ISSUER: 'someone' })).issue(coordinator, 60))).toThrow(/issuer/);
    expect(() => tokens.verify(signed({ sub: 'u-1', roles: ['coordinator'], org: 'org-a', exp: 1 }))).toThrow(/expired/);
  });

  it('refuses an unsigned token and one without a known role, subject or organisation', () => {
    const [header, body] = tokens.issue(coordinator, 60).split('.');
    expect(() => tokens.verify(`${header}.${body}.`)).toThrow(InvalidTokenError);
    expect(() => tokens.verify(signed({ sub: 'u-1', roles: ['admin'], org: 'org-a' }))).toThrow(/known role/);
    expect(() => tokens.verify(signed({ roles: ['coordinator'], org: 'org-a' }))).toThrow(/sub, org/);
    expect(() => tokens.verify(signed({ sub: 'u-1', roles: ['coordinator'] }))).toThrow(/sub, org/);
  });
});
