import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { PRACTITIONERS } from '../access/roles';
import { AddNoteDto, NoteView } from './dto/note.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@ApiBearerAuth()
@Controller('cases/:caseId/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post()
  @Roles(...PRACTITIONERS)
  @ApiCreatedResponse({ type: NoteView })
  add(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: AddNoteDto) {
    return this.notes.add(user, caseId, dto);
  }

  @Get()
  @Roles(...PRACTITIONERS)
  @ApiOkResponse({ type: NoteView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.notes.list(user, caseId);
  }
}
