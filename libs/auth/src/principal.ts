export const ROLES = ['coordinator', 'facilitator', 'manager', 'partnership-lead', 'ops'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token; every access decision starts here. */
export interface Principal {
  userId: string;
  roles: Role[];
  organisationId: string;
  partnershipId: string | null;
}

/** The claims Convene puts in a token besides iss, aud, iat and exp. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  org: string;
  partnership?: string;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
