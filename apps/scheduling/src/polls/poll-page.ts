import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Language } from '#contracts';

/**
 * The page a participant opens from their poll link: the candidate times in their own time zone
 * and language, as checkboxes, and nothing else. No one else's name or answer, nothing of the
 * case or the venue, and no word that would tell someone reading over their shoulder what the
 * meeting is about (some participants asked for discreet messages). Plain HTML, no script.
 */
export interface PollPageModel {
  language: Language;
  timeZone: string;
  state: 'open' | 'answered' | 'closed';
  closesAt: string;
  options: { optionId: string; start: string; end: string; chosen: boolean }[];
}

/** What became of the answer just sent from the page, if one was. */
export type PollNotice = 'saved' | 'invalid' | 'closed' | null;

export type PollPage = { found: false } | { found: true; model: PollPageModel; notice: PollNotice };

const TEXT = {
  en: {
    locale: 'en-GB',
    title: 'Choose the times that suit you',
    intro: 'Tick every time you could come. If none suits you, send the form with nothing ticked and we will be in touch.',
    legend: 'Times that suit me',
    zone: (name: string) => `All times are ${name}.`,
    until: (date: string) => `You can change your answer until ${date}.`,
    send: 'Send my answer',
    saved: 'Thank you. Your answer is saved.',
    invalid: 'One of the times sent was not offered. Please tick again.',
    closed: 'This form has closed. We will be in touch.',
  },
  cy: {
    locale: 'cy',
    title: "Dewiswch yr amseroedd sy'n gyfleus i chi",
    intro: "Ticiwch bob amser y gallech ddod. Os nad oes un yn gyfleus, anfonwch y ffurflen heb dicio dim a byddwn yn cysylltu â chi.",
    legend: "Amseroedd sy'n gyfleus i mi",
    zone: (name: string) => `Mae'r holl amseroedd yn ôl ${name}.`,
    until: (date: string) => `Gallwch newid eich ateb tan ${date}.`,
    send: 'Anfon fy ateb',
    saved: "Diolch. Mae eich ateb wedi'i gadw.",
    invalid: "Nid oedd un o'r amseroedd a anfonwyd ar gael. Ticiwch eto, os gwelwch yn dda.",
    closed: "Mae'r ffurflen hon wedi cau. Byddwn yn cysylltu â chi.",
  },
} as const;

const MISSING = {
  en: 'This link does not work. Please check it, or contact the service that sent it.',
  cy: "Nid yw'r ddolen hon yn gweithio. Gwiriwch hi, neu cysylltwch â'r gwasanaeth a'i hanfonodd.",
};

const STYLE = `body{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1rem;color:#0b0c0c;background:#fff}
h1{font-size:1.75rem;line-height:1.2}
fieldset{border:0;margin:1.5rem 0;padding:0}
legend{font-weight:700;margin-bottom:.5rem}
label{display:flex;gap:.75rem;align-items:center;min-height:2.75rem;padding:.25rem 0;cursor:pointer}
input[type=checkbox]{width:1.75rem;height:1.75rem;flex:none}
button{font:inherit;font-weight:700;padding:.6rem 1.2rem;border:2px solid #0b0c0c;background:#00703c;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #fd0;outline-offset:2px}
.notice{border-left:6px solid #00703c;padding:.5rem 1rem;margin:1rem 0}
.notice.problem{border-color:#d4351c}`;

/** What the page may load: its own inline style (by hash), no script, forms back to itself only. */
export const POLL_PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  // The link's token is the participant's key: keep it out of caches and other sites' logs.
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
};

export function renderPollPage(page: PollPage): { status: number; html: string } {
  if (!page.found) {
    const body = `<p lang="en">${escape(MISSING.en)}</p>\n<p lang="cy">${escape(MISSING.cy)}</p>`;
    return { status: 404, html: documentOf('en', 'Convene', body) };
  }
  const { model, notice } = page;
  const text = TEXT[model.language] ?? TEXT.en;
  const at = (iso: string) => DateTime.fromISO(iso, { zone: model.timeZone }).setLocale(text.locale);
  const zoneNames = [...new Set(model.options.map((o) => at(o.start).offsetNameLong ?? model.timeZone))];
  const parts = [`<h1>${escape(text.title)}</h1>`];
  if (notice) parts.push(noticeOf(notice, text));
  if (model.state === 'closed') {
    if (notice !== 'closed') parts.push(`<p>${escape(text.closed)}</p>`);
  } else {
    const options = model.options.map((o, i) => {
      const start = at(o.start);
      const when = `${start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' })}, ${start.toLocaleString(DateTime.TIME_SIMPLE)}–${at(o.end).toLocaleString(DateTime.TIME_SIMPLE)}`;
      const zone = zoneNames.length > 1 ? ` (${start.offsetNameLong})` : '';
      const id = `option-${i + 1}`;
      return `<label for="${id}"><input type="checkbox" id="${id}" name="optionIds" value="${escape(o.optionId)}"${o.chosen ? ' checked' : ''}> ${escape(when + zone)}</label>`;
    });
    parts.push(
      `<p>${escape(text.intro)}</p>`,
      zoneNames.length === 1 ? `<p>${escape(text.zone(zoneNames[0]!))}</p>` : '',
      `<form method="post">`,
      `<fieldset><legend>${escape(text.legend)}</legend>\n${options.join('\n')}\n</fieldset>`,
      `<p>${escape(text.until(at(model.closesAt).toLocaleString(DateTime.DATETIME_FULL)))}</p>`,
      `<button type="submit">${escape(text.send)}</button>`,
      `</form>`,
    );
  }
  const status = notice === 'invalid' ? 400 : notice === 'closed' ? 409 : 200;
  return { status, html: documentOf(model.language, text.title, parts.filter(Boolean).join('\n')) };
}

function noticeOf(notice: Exclude<PollNotice, null>, text: (typeof TEXT)[Language]): string {
  const problem = notice !== 'saved';
  return `<div class="notice${problem ? ' problem' : ''}" role="${problem ? 'alert' : 'status'}"><p>${escape(text[notice])}</p></div>`;
}

function documentOf(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
