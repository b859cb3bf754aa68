export { AuthModule } from './auth.module';
export { AuthConfig } from './auth.config';
export { TokenService, InvalidTokenError } from './token.service';
export { CurrentUser, Roles } from './decorators';
export { hasRole, ROLES } from './principal';
export type { Principal, Role, TokenClaims } from './principal';
