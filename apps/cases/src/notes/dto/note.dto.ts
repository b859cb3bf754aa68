import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AddNoteDto {
  @ApiProperty({ description: 'Stored encrypted; readable by the case\'s facilitators and managers only' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body!: string;
}

export class NoteView {
  @ApiProperty() id!: string;
  @ApiProperty() authorUserId!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: string;
}
