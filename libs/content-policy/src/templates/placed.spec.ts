import type { Participant } from '../model';
import { NOTIFICATIONS_CATALOGUE, placedTemplateId } from './catalogue';
import { TemplateRegistry } from './registry';
import type { Venue } from './venues';

const PARTICIPANTS: Participant[] = [
  { id: 'p1', role: 'person-harmed', name: 'Margaret Hall', phone: '+447700900201', address: '61 Crow Lane, Rochester ME1 1RF' },
  { id: 'p2', role: 'person-responsible', name: 'William Stone' },
  { id: 'om', role: 'offender-manager', name: 'Olu Adeyemi', email: 'olu@probation.example.net' },
];
const HUB: Venue = { id: 'hub', name: 'Strood Community Hub, room 2', address: '2 Cuxton Road, Strood ME2 2BN', directions: 'Ring the bell at the side door.' };
const PRISON: Venue = { id: 'elmley', name: 'HMP Elmley visits hall', address: 'Church Road, Eastchurch, Sheerness ME12 4DZ', directions: 'Bring photo ID and arrive 30 minutes early.' };
const NEAR_HOME: Venue = { id: 'near', name: 'Crow Lane Rooms', address: '60 Crow Lane, Rochester ME1 1RF' };
const CONFIG = { servicePhones: ['01632 960 411'], linkDomains: [] };
const WHEN = { instant: '2026-03-17T10:30:00Z', timeZone: 'Europe/London' };

const registry = new TemplateRegistry({ config: CONFIG });
for (const t of NOTIFICATIONS_CATALOGUE) registry.register(t);

function render(templateId: string, language: 'en' | 'cy', venue: Venue | null, recipient: Participant) {
  return registry.render({
    templateId,
    language,
    recipient: { id: recipient.id, role: recipient.role },
    participants: PARTICIPANTS,
    values: { name: recipient.name!.split(' ')[0]!, when: WHEN, office: '01632 960 411', ...(venue ? { venue: venue.id, directions: venue.id } : {}) },
    ...(venue ? { venues: [venue] } : {}),
  });
}
const [margaret, , olu] = PARTICIPANTS as [Participant, Participant, Participant];

describe('session messages that say where', () => {
  it.each(['sms-booked', 'email-booked', 'sms-rescheduled', 'email-rescheduled', 'sms-reminder', 'email-reminder'])('%s names a community venue by name and address, in English and Welsh', (id) => {
    expect(render(placedTemplateId(id, 'venue'), 'en', HUB, margaret)).toMatchObject({ ok: true, body: expect.stringContaining(' Venue: Strood Community Hub, room 2, 2 Cuxton Road, Strood ME2 2BN. ') });
    expect(render(placedTemplateId(id, 'venue'), 'cy', HUB, margaret)).toMatchObject({ ok: true, body: expect.stringContaining(' Lleoliad: Strood Community Hub, room 2, 2 Cuxton Road, Strood ME2 2BN. ') });
  });

  it('gives a prison, its address and how to arrive to the offender manager who arranges the visit', () => {
    const reminder = render(placedTemplateId('sms-reminder', 'venue-directions'), 'en', PRISON, olu);
    expect(reminder).toMatchObject({ ok: true, body: expect.stringContaining('Venue: HMP Elmley visits hall, Church Road, Eastchurch, Sheerness ME12 4DZ. Bring photo ID and arrive 30 minutes early. Reply C') });
    expect(render(placedTemplateId('email-reminder', 'venue-directions'), 'cy', PRISON, olu)).toMatchObject({ ok: true, body: expect.stringContaining('Lleoliad: HMP Elmley visits hall, Church Road, Eastchurch, Sheerness ME12 4DZ. Bring photo ID') });
  });

  it('refuses to name a prison to anyone else (where someone in the case is held), so their message goes plain', () => {
    expect(render(placedTemplateId('sms-booked', 'venue'), 'en', PRISON, margaret)).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringMatching(/^slot venue: venue elmley gives the 'hmp'/)]) });
    expect(render('sms-booked', 'en', null, margaret)).toMatchObject({ ok: true, body: expect.stringMatching(/^Hello Margaret, your appointment is booked for Tuesday 17 March 2026 at 10:30\. Reply C/) });
  });

  it("passes a venue's address although the case holds a home address, and refuses one at the other party's door", () => {
    const william = PARTICIPANTS[1]!;
    expect(render(placedTemplateId('sms-booked', 'venue'), 'en', HUB, william)).toMatchObject({ ok: true });
    expect(render(placedTemplateId('sms-booked', 'venue'), 'en', NEAR_HOME, william)).toEqual({
      ok: false,
      problems: ['slot venue: venue near gives the postcode of p1 (person-harmed)', 'slot venue: venue near gives the street of p1 (person-harmed)'],
    });
  });

  it('says a video session is a video call, with no link, in English and Welsh', () => {
    expect(render(placedTemplateId('sms-booked', 'video'), 'en', null, margaret)).toMatchObject({ ok: true, body: expect.stringContaining('10:30. The appointment is by video call. Reply C') });
    expect(render(placedTemplateId('email-rescheduled', 'video'), 'cy', null, margaret)).toMatchObject({ ok: true, body: expect.stringContaining("Mae'r apwyntiad drwy alwad fideo. Mae'r gwahoddiad newydd ynghlwm.") });
  });

  it('knows a venue passed for one message in that message alone', () => {
    expect(render(placedTemplateId('sms-booked', 'venue'), 'en', HUB, margaret)).toMatchObject({ ok: true });
    expect(registry.render({ templateId: placedTemplateId('sms-booked', 'venue'), language: 'en', recipient: { id: 'p1' }, participants: PARTICIPANTS, values: { name: 'Margaret', when: WHEN, office: '01632 960 411', venue: 'hub' } })).toEqual({
      ok: false,
      problems: ['slot venue: no venue hub in the registry'],
    });
  });
});
