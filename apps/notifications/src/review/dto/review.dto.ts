import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class EditHeldMessageDto {
  @ApiPropertyOptional({ description: 'Email subject; an SMS has none' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiProperty({ description: 'The whole text as it should go' })
  @IsString()
  @MinLength(1)
  @MaxLength(1600)
  body!: string;
}

export class HeldMessageView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) participantId!: string | null;
  @ApiProperty({ enum: ['sms', 'email'] }) channel!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String], description: 'Why the content policy holds it back; empty when it may go' }) reasons!: string[];
  @ApiProperty({ nullable: true, type: String }) subject!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: Date;
}
