import { flatten, reportCsv } from './csv';
import { FIGURE_NAMES, type Report } from './report';

describe('the CSV export', () => {
  it('flattens nested figures into dotted measures, one value a row', () => {
    expect(flatten({ total: 3, bySource: { police: 2, self: 1 }, none: null })).toEqual([
      ['total', 3],
      ['bySource.police', 2],
      ['bySource.self', 1],
      ['none', null],
    ]);
  });

  it('quotes cells holding commas or quotes and leaves unknown values empty', () => {
    const report = {
      period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', asAt: '2026-03-01T00:00:00.000Z' },
      scope: { partnershipId: null, organisationId: 'org-a' },
      filters: { referralSource: null, offenceCategory: null, justiceStage: null },
      notes: {},
      figures: {
        ...Object.fromEntries(FIGURE_NAMES.map((name) => [name, {}])),
        messages: { explanation: 'later, "maybe"', statuses: ['a', 'b'] },
      },
    } as unknown as Report;
    const lines = reportCsv(report).split('\r\n');
    expect(lines[0]).toBe('figure,measure,value');
    expect(lines).toContain('report,scope.partnershipId,');
    expect(lines).toContain('report,scope.organisationId,org-a');
    expect(lines).toContain('messages,explanation,"later, ""maybe"""');
    expect(lines).toContain('messages,statuses,a b');
  });
});
