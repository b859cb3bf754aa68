import { Controller, Get, Header, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { InvalidInputError } from '#platform';
import { reportPage } from '../print/report-page';
import { reportCsv } from './csv';
import { ReportQuery } from './dto/report.query';
import { FiguresService } from './figures.service';
import { FIGURE_NAMES, type FigureName } from './report';
import { REPORT_READERS } from './report-scope';

/** A figure's name, or a 400 that lists the names (the pipe's own says only that an enum was expected). */
const FIGURE_PARAM = new ParseEnumPipe(Object.fromEntries(FIGURE_NAMES.map((name) => [name, name])), {
  exceptionFactory: () => InvalidInputError.field('figure', 'isIn', `figure must be one of: ${FIGURE_NAMES.join(', ')}`),
});

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Roles(...REPORT_READERS)
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @ApiOkResponse({ description: 'Every figure for the period, scope and filters, with how each is counted' })
  report(@CurrentUser() user: Principal, @Query() query: ReportQuery) {
    return this.figures.report(user, query);
  }

  @Get('figures/:figure')
  @ApiOkResponse({ description: 'One figure, with the period, scope, filters and its note' })
  async figure(
    @CurrentUser() user: Principal,
    @Param('figure', FIGURE_PARAM) figure: FigureName,
    @Query() query: ReportQuery,
  ) {
    const { figures, notes, ...report } = await this.figures.report(user, query);
    return { ...report, figure, note: notes[figure] ?? null, value: figures[figure] };
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="convene-report.csv"')
  @ApiProduces('text/csv')
  async csv(@CurrentUser() user: Principal, @Query() query: ReportQuery) {
    return reportCsv(await this.figures.report(user, query));
  }

  @Get('print')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  async print(@CurrentUser() user: Principal, @Query() query: ReportQuery) {
    return reportPage(await this.figures.report(user, query));
  }
}
