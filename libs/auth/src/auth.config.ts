import { IsNotEmpty, IsString, MinLength } from 'class-validator';
import { Secret } from '#platform';

/** How bearer tokens are signed and checked (HS256). */
export class AuthConfig {
  @Secret()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'convene';

  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'convene-api';
}
