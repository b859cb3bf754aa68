/** Server-rendered SVG charts for the printable report: no script, no external resources. */

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn as a marker on the bar (capacity, p90). */
  mark?: number;
}

const ROW = 22;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 330;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Horizontal bars, one row per label, the value printed after each bar. */
export function barChart(bars: Bar[], unit = ''): string {
  if (bars.length === 0) return '<p class="empty">No cases to show.</p>';
  const max = Math.max(...bars.map((b) => Math.max(b.value, b.mark ?? 0)), 1);
  const scale = (v: number) => Math.round((v / max) * BAR_WIDTH);
  const rows = bars.map((bar, i) => {
    const y = i * ROW;
    const mark =
      bar.mark === undefined
        ? ''
        : `<line x1="${LABEL_WIDTH + scale(bar.mark)}" x2="${LABEL_WIDTH + scale(bar.mark)}" y1="${y + 2}" y2="${y + ROW - 4}" class="mark"/>`;
    const text = `${formatNumber(bar.value)}${unit}${bar.mark === undefined ? '' : ` / ${formatNumber(bar.mark)}${unit}`}`;
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${scale(bar.value)}" height="${ROW - 8}" class="bar"/>${mark}` +
      `<text x="${LABEL_WIDTH + scale(Math.max(bar.value, bar.mark ?? 0)) + 6}" y="${y + 15}">${escapeHtml(text)}</text>`
    );
  });
  const width = LABEL_WIDTH + BAR_WIDTH + 110;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${bars.length * ROW}" viewBox="0 0 ${width} ${bars.length * ROW}">${rows.join('')}</svg>`;
}

export function bars(counts: Record<string, number>): Bar[] {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([label, value]) => ({ label, value }));
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
