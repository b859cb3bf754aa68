import { FIGURE_NAMES, type Report } from './report';

/**
 * The report as CSV, one value a row: `figure,measure,value`, the measure a dotted path into
 * the figure (`bySource.police`). The period, scope and filters come first as figure `report`.
 */
export function reportCsv(report: Report): string {
  const rows: [string, string, unknown][] = [
    ...flatten(report.period).map(([path, value]): [string, string, unknown] => ['report', `period.${path}`, value]),
    ...flatten(report.scope).map(([path, value]): [string, string, unknown] => ['report', `scope.${path}`, value]),
    ...flatten(report.filters).map(([path, value]): [string, string, unknown] => ['report', `filters.${path}`, value]),
  ];
  for (const name of FIGURE_NAMES) {
    for (const [path, value] of flatten(report.figures[name])) rows.push([name, path, value]);
  }
  return ['figure,measure,value', ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}

export function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, Array.isArray(value) ? value.join(' ') : value]];
}

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
