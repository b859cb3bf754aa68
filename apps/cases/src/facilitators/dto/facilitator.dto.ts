import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class RegisterFacilitatorDto {
  @ApiProperty({ description: 'The subject (sub) of their bearer token' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  userId!: string;

  @ApiProperty({ example: 'Linda Millington' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ description: 'Work phone participants may be given' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  workEmail?: string;

  @ApiPropertyOptional({ description: 'Active cases before a manager must override; service default if absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  capacity?: number;

  @ApiPropertyOptional({ default: 'Europe/London' })
  @IsOptional()
  @IsString()
  timeZone?: string;
}

export class UpdateFacilitatorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) workPhone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() workEmail?: string;
  @ApiPropertyOptional({ description: 'Managers only' }) @IsOptional() @IsInt() @Min(0) @Max(100) capacity?: number;
  @ApiPropertyOptional({ description: 'Managers only' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class AssignFacilitatorsDto {
  @ApiProperty() @IsUUID() leadFacilitatorId!: string;
  @ApiProperty() @IsUUID() coFacilitatorId!: string;

  @ApiPropertyOptional({ description: 'A manager may assign past a facilitator\'s capacity', default: false })
  @IsOptional()
  @IsBoolean()
  overrideCapacity?: boolean;
}

export class FacilitatorView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true }) workPhone!: string | null;
  @ApiPropertyOptional({ nullable: true }) workEmail!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Active cases now carried, as lead or co-facilitator' }) activeCases!: number;
  @ApiProperty() capacity!: number;
}
