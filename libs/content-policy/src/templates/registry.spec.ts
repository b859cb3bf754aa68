import { Participant } from '../model';
import { DEFAULT_CATALOGUE, NOTIFICATIONS_CATALOGUE } from './catalogue';
import { TemplateError, TemplateRegistry } from './registry';

const PARTICIPANTS: Participant[] = [
  { id: 'p1', role: 'victim', name: 'Margaret Hall', phone: '+447700900201', address: '61 Crow Lane, Rochester ME1 1RF' },
  { id: 'p2', role: 'offender', name: 'William Stone', phone: '+447700900202' },
  { id: 'f1', role: 'facilitator', name: 'Magnus Urquhart', phone: '01632 960 455' },
];
const VENUES = [
  { id: 'strood', name: 'Strood Baptist Church Hall', address: '2 Cuxton Road, Strood ME2 2BN', directions: 'The 700 bus stops outside.', access: 'Step-free entrance.' },
  { id: 'stone-hall', name: 'Stone Hall', address: '3 Gun Lane, Strood ME2 4UB' },
  { id: 'near-victim', name: 'Crow Lane Rooms', address: '60 Crow Lane, Rochester ME1 1RF' },
];
const CONFIG = { servicePhones: ['01632 960 411'], linkDomains: ['medwayrh.example.org'] };
const VALUES = {
  name: 'Margaret',
  when: { instant: '2026-03-17T10:30:00Z', timeZone: 'Europe/London' },
  venue: 'strood',
  directions: 'strood',
  facilitator: 'Magnus',
  phone: '01632960455',
  office: '01632 960 411',
  link: 'https://medwayrh.example.org/poll/abc?sig=1',
};

function registry(): TemplateRegistry {
  const r = new TemplateRegistry({ venues: VENUES, config: CONFIG });
  for (const t of DEFAULT_CATALOGUE) r.register(t);
  return r;
}
const render = (templateId: string, language: 'en' | 'cy', values: Record<string, unknown> = VALUES, recipient = 'p1') =>
  registry().render({ templateId, language, recipient: { id: recipient }, participants: PARTICIPANTS, values: values as never });

describe('TemplateRegistry: the default catalogue', () => {
  it.each(DEFAULT_CATALOGUE.map((t) => [t.id, t.language] as const))('renders %s in %s and the result passes the policy', (id, language) => {
    const result = render(id, language);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.body).not.toMatch(/\{\{/);
  });

  it('renders the date in the time zone and language asked for', () => {
    expect(render('session-booked', 'en')).toMatchObject({ ok: true, subject: 'Your appointment on Tuesday 17 March 2026 at 10:30' });
    expect(render('session-booked', 'cy')).toMatchObject({ ok: true, subject: 'Eich apwyntiad ar Dydd Mawrth 17 Mawrth 2026 am 10:30' });
  });
});

describe('TemplateRegistry: slot checks', () => {
  it.each([
    ['name', 'William', "slot name: must be the recipient's own first name"],
    ['facilitator', 'William Stone', "slot facilitator: must be the name of one of the recipient's own facilitators"],
    ['phone', '07700 900202', "slot phone: must be the phone number of one of the recipient's own facilitators"],
    ['when', { instant: '2026-03-17T10:30', timeZone: 'Europe/London' }, 'slot when: instant must be an ISO 8601 date-time with an offset'],
    ['when', { instant: '2026-03-17T10:30:00Z', timeZone: 'Mars/Base' }, 'slot when: unknown time zone Mars/Base'],
    ['venue', 'nowhere', 'slot venue: no venue nowhere in the registry'],
  ])('refuses a %s of %j', (slot, value, problem) => {
    expect(render('session-booked', 'en', { ...VALUES, [slot]: value })).toEqual({ ok: false, problems: [problem] });
  });

  it("accepts a short form of the recipient's own name", () => {
    expect(render('session-booked', 'en', { ...VALUES, name: 'Maggie' })).toMatchObject({ ok: true });
  });

  it("refuses a venue that carries another participant's name or address", () => {
    expect(render('session-booked', 'en', { ...VALUES, name: 'William', venue: 'near-victim' }, 'p2')).toEqual({ ok: false, problems: ['slot venue: venue near-victim gives the postcode of p1 (victim)', 'slot venue: venue near-victim gives the street of p1 (victim)'] });
  });

  it('accepts a venue that only shares a word with a surname', () => {
    expect(render('session-booked', 'en', { ...VALUES, venue: 'stone-hall' })).toMatchObject({ ok: true });
  });

  it.each([
    ['http://medwayrh.example.org/poll', 'slot link: must be an https link without credentials'],
    ['https://evil.example.com/poll', 'slot link: host evil.example.com is not one of the service\'s link domains'],
    ['https://medwayrh.example.org.evil.com/poll', 'slot link: host medwayrh.example.org.evil.com is not one of the service\'s link domains'],
  ])('refuses the link %s', (link, problem) => {
    expect(render('availability-poll', 'en', { ...VALUES, link })).toEqual({ ok: false, problems: [problem] });
  });

  describe("the deployment's own public base URL", () => {
    const withBase = (publicBaseUrl: string, localHttpLinks: boolean, link: string) => {
      const r = new TemplateRegistry({ venues: VENUES, config: { ...CONFIG, publicBaseUrl, localHttpLinks } });
      for (const t of DEFAULT_CATALOGUE) r.register(t);
      return r.render({ templateId: 'availability-poll', language: 'en', recipient: { id: 'p1' }, participants: PARTICIPANTS, values: { ...VALUES, link } as never });
    };
    const HTTP_REFUSED = { ok: false, problems: ['slot link: must be an https link without credentials (plain http only to localhost or 127.0.0.1 outside production)'] };

    it.each([
      ['https://convene.example.net/', 'https://convene.example.net/polls/t0k'],
      ['http://localhost:3000', 'http://localhost:3000/polls/t0k'],
      ['http://127.0.0.1:4010/app', 'http://127.0.0.1:4010/app/polls/t0k'],
    ])('accepts a link under %s, outside the link domains', (base, link) => {
      expect(withBase(base, true, link)).toMatchObject({ ok: true, body: expect.stringContaining(link) });
    });

    it('refuses plain http in production, even to localhost', () => {
      expect(withBase('http://localhost:3000', false, 'http://localhost:3000/polls/t0k')).toEqual(HTTP_REFUSED);
    });

    it('refuses plain http to any other host, even outside production', () => {
      expect(withBase('http://convene.example.net', true, 'http://convene.example.net/polls/t0k')).toEqual(HTTP_REFUSED);
    });

    it('refuses another port, another path or credentials on the base host', () => {
      expect(withBase('http://localhost:3000/app', true, 'http://localhost:3001/app/polls')).toEqual({ ok: false, problems: ['slot link: must be an https link without credentials'] });
      expect(withBase('https://convene.example.net/app', true, 'https://convene.example.net/application/x')).toEqual({ ok: false, problems: ["slot link: host convene.example.net is not one of the service's link domains"] });
      expect(withBase('http://localhost:3000', true, 'http://u:p@localhost:3000/polls')).toEqual({ ok: false, problems: ['slot link: must be an https link without credentials'] });
    });
  });

  it('refuses a service phone that is not configured', () => {
    expect(render('session-cancelled', 'en', { ...VALUES, office: '07700 900202' })).toEqual({ ok: false, problems: ["slot office: must be one of the service's configured numbers"] });
  });
});

describe('TemplateRegistry: lists of times and numbers', () => {
  const TIMES = { type: 'datetime-list' as const };
  const times = (language: 'en' | 'cy', values: Record<string, unknown>) => {
    const r = new TemplateRegistry({ config: CONFIG });
    r.register({ id: 'times', language, body: 'Which suit you?\n{{times}}\nReply with numbers from 1 to {{count}}.', slots: { times: TIMES, count: { type: 'number' } } });
    return r.render({ templateId: 'times', language, recipient: { id: 'p1' }, participants: PARTICIPANTS, values: values as never });
  };
  const INSTANTS = ['2026-03-17T10:30:00Z', '2026-06-03T13:00:00Z'];

  it('numbers the times from 1 in the order given, one a line, short, in the zone and language asked for', () => {
    expect(times('en', { times: { instants: INSTANTS, timeZone: 'Europe/London' }, count: 2 })).toEqual({ ok: true, body: 'Which suit you?\n1) Tue 17 Mar 10:30\n2) Wed 3 Jun 14:00\nReply with numbers from 1 to 2.' });
    expect(times('cy', { times: { instants: INSTANTS, timeZone: 'America/New_York' }, count: 2 })).toMatchObject({ ok: true, body: expect.stringContaining('1) Maw 17 Maw 06:30\n2) Mer 3 Meh 09:00') });
  });

  it.each([
    [{ instants: [], timeZone: 'Europe/London' }, 'slot times: must list at least one time'],
    [{ instants: ['2026-03-17T10:30'], timeZone: 'Europe/London' }, 'slot times: instant must be an ISO 8601 date-time with an offset'],
    [{ instants: INSTANTS, timeZone: 'Mars/Base' }, 'slot times: unknown time zone Mars/Base'],
    [{ instant: INSTANTS[0], timeZone: 'Europe/London' }, 'slot times: must be { instants, timeZone }'],
    ['Tue 17 Mar 10:30', 'slot times: must be { instants, timeZone }'],
  ])('refuses a list of times %j', (value, problem) => {
    expect(times('en', { times: value, count: 2 })).toEqual({ ok: false, problems: [problem] });
  });

  it.each([[-1], [1.5], [1000], ['2'], [7700900202]])('refuses a number %j: a count or a position, never a phone number', (count) => {
    expect(times('en', { times: { instants: INSTANTS, timeZone: 'Europe/London' }, count })).toEqual({ ok: false, problems: ['slot count: must be a whole number from 0 to 999'] });
  });

  it("renders the notifications service's poll SMS with its numbered times, in English and Welsh, and it passes the policy", () => {
    const r = new TemplateRegistry({ config: CONFIG });
    for (const t of NOTIFICATIONS_CATALOGUE) r.register(t);
    const values = { name: 'Margaret', options: { instants: INSTANTS, timeZone: 'Europe/London' }, link: VALUES.link };
    const poll = (language: 'en' | 'cy') => r.render({ templateId: 'sms-poll', language, recipient: { id: 'p1' }, participants: PARTICIPANTS, values });
    expect(poll('en')).toMatchObject({ ok: true, body: expect.stringContaining('\n1) Tue 17 Mar 10:30\n2) Wed 3 Jun 14:00\n') });
    expect(poll('cy')).toMatchObject({ ok: true, body: expect.stringContaining('\n1) Maw 17 Maw 10:30\n2) Mer 3 Meh 14:00\n') });
  });
});

describe('TemplateRegistry: registration', () => {
  const base = { id: 't', language: 'en' as const, body: 'Hello {{name}}', slots: { name: { type: 'recipient-first-name' as const } } };

  it('refuses undeclared and unused slots, duplicates and unknown languages', () => {
    const r = new TemplateRegistry();
    expect(() => r.register({ ...base, body: 'Hello {{who}}' })).toThrow(new TemplateError('template t (en): {{who}} is not a declared slot'));
    expect(() => r.register({ ...base, body: 'Hello' })).toThrow(new TemplateError('template t (en): slot name is declared but never used'));
    expect(() => r.register({ ...base, language: 'fr' as never })).toThrow(/language must be one of en, cy/);
    r.register(base);
    expect(() => r.register(base)).toThrow(/already registered/);
  });

  it('refuses a template whose fixed text fails the policy', () => {
    expect(() => new TemplateRegistry().register({ ...base, body: 'Hello {{name}}, about the assault...' })).toThrow(/fixed text fails the policy: case-substance: 'assault'/);
  });

  it('says when a template does not exist in a language', () => {
    expect(new TemplateRegistry().render({ templateId: 'x', language: 'cy', recipient: { id: 'p1' }, participants: PARTICIPANTS, values: {} })).toEqual({ ok: false, problems: ['no template x in cy'] });
  });
});
