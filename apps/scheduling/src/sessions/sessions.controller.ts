import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULERS, SESSION_READERS } from '../access/roles';
import { SuggestionsService } from '../suggestions/suggestions.service';
import { ListSessionsQuery, SessionDetailView, SessionRecordView, SuggestionsQuery, SuggestionView } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Get()
  @Roles(...SESSION_READERS)
  @ApiOkResponse({ type: SessionRecordView, isArray: true, description: "The organisation's sessions (a facilitator's: their cases'; a partnership lead's: the partnership's cases' too), soonest first" })
  list(@CurrentUser() user: Principal, @Query() query: ListSessionsQuery) {
    return this.sessions.list(user, query);
  }

  @Get(':sessionId')
  @Roles(...SESSION_READERS)
  @ApiOkResponse({ type: SessionDetailView })
  get(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string) {
    return this.sessions.get(user, sessionId);
  }

  @Get(':sessionId/suggestions')
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SuggestionView, isArray: true, description: 'Options that suit everyone, earliest first; then near misses' })
  @ApiConflictResponse({ description: 'The session cannot be placed as it stands (e.g. no interpreter, no venue at the establishment)' })
  suggest(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Query() query: SuggestionsQuery) {
    return this.suggestions.suggest(user, sessionId, query.k ?? 5);
  }
}
