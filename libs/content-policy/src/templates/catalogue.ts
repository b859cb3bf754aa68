import { TemplateDefinition } from './registry';
import { Language, SlotType } from './slots';

/**
 * The logistics messages Convene sends, in English and Welsh: booked, reminder, moved, cancelled,
 * and the link to an availability poll. The notifications service registers these (and may add
 * its own) and sends nothing else.
 */
const SESSION_SLOTS: Record<string, SlotType> = {
  name: { type: 'recipient-first-name' },
  when: { type: 'datetime' },
  venue: { type: 'venue', part: 'name-and-address' },
  facilitator: { type: 'facilitator-name' },
  phone: { type: 'facilitator-phone' },
};

export const DEFAULT_CATALOGUE: readonly TemplateDefinition[] = [
  {
    id: 'session-booked',
    language: 'en',
    subject: 'Your appointment on {{when}}',
    body: 'Hello {{name}}, your appointment is booked for {{when}} at {{venue}}. To change or cancel it, call {{facilitator}} on {{phone}}. Reply C to confirm.',
    slots: SESSION_SLOTS,
  },
  {
    id: 'session-booked',
    language: 'cy',
    subject: 'Eich apwyntiad ar {{when}}',
    body: "Helo {{name}}, mae eich apwyntiad wedi'i drefnu ar gyfer {{when}} yn {{venue}}. I newid neu ganslo, ffoniwch {{facilitator}} ar {{phone}}. Atebwch C i gadarnhau.",
    slots: SESSION_SLOTS,
  },
  {
    id: 'session-reminder',
    language: 'en',
    subject: 'Reminder: {{when}}',
    body: 'Hello {{name}}, a reminder of your appointment on {{when}} at {{venue}}. {{directions}} If you need to change it, call {{facilitator}} on {{phone}}.',
    slots: { ...SESSION_SLOTS, directions: { type: 'venue', part: 'directions' } },
  },
  {
    id: 'session-reminder',
    language: 'cy',
    subject: 'Nodyn atgoffa: {{when}}',
    body: "Helo {{name}}, nodyn i'ch atgoffa am eich apwyntiad ar {{when}} yn {{venue}}. {{directions}} Os oes angen newid, ffoniwch {{facilitator}} ar {{phone}}.",
    slots: { ...SESSION_SLOTS, directions: { type: 'venue', part: 'directions' } },
  },
  {
    id: 'session-rescheduled',
    language: 'en',
    subject: 'New time: {{when}}',
    body: 'Hello {{name}}, your appointment has moved to {{when}} at {{venue}}. If the new time does not suit you, call {{facilitator}} on {{phone}}.',
    slots: SESSION_SLOTS,
  },
  {
    id: 'session-rescheduled',
    language: 'cy',
    subject: 'Amser newydd: {{when}}',
    body: "Helo {{name}}, mae eich apwyntiad wedi symud i {{when}} yn {{venue}}. Os nad yw'r amser newydd yn gyfleus, ffoniwch {{facilitator}} ar {{phone}}.",
    slots: SESSION_SLOTS,
  },
  {
    id: 'session-cancelled',
    language: 'en',
    subject: 'Appointment cancelled',
    body: 'Hello {{name}}, your appointment on {{when}} has been cancelled. {{facilitator}} will be in touch with a new date. Our office: {{office}}.',
    slots: { name: SESSION_SLOTS.name, when: SESSION_SLOTS.when, facilitator: SESSION_SLOTS.facilitator, office: { type: 'service-phone' } },
  },
  {
    id: 'session-cancelled',
    language: 'cy',
    subject: 'Apwyntiad wedi ei ganslo',
    body: "Helo {{name}}, mae eich apwyntiad ar {{when}} wedi'i ganslo. Bydd {{facilitator}} yn cysylltu â chi gyda dyddiad newydd. Ein swyddfa: {{office}}.",
    slots: { name: SESSION_SLOTS.name, when: SESSION_SLOTS.when, facilitator: SESSION_SLOTS.facilitator, office: { type: 'service-phone' } },
  },
  {
    id: 'availability-poll',
    language: 'en',
    subject: 'When could you meet?',
    body: 'Hello {{name}}, please choose the times that suit you: {{link}} Thank you, {{facilitator}}.',
    slots: { name: SESSION_SLOTS.name, link: { type: 'link' }, facilitator: SESSION_SLOTS.facilitator },
  },
  {
    id: 'availability-poll',
    language: 'cy',
    subject: 'Pryd allech chi gyfarfod?',
    body: "Helo {{name}}, dewiswch yr amseroedd sy'n gyfleus i chi: {{link}} Diolch, {{facilitator}}.",
    slots: { name: SESSION_SLOTS.name, link: { type: 'link' }, facilitator: SESSION_SLOTS.facilitator },
  },
];

/**
 * The notifications service's own messages. It knows a session's time and, from scheduling's
 * venue events, its venue, but not its facilitators (cases keeps those), so these name the
 * service's line instead. Replies are read on SMS only: the reply words are in the SMS texts alone.
 */
const NOTICE_SLOTS: Record<string, SlotType> = {
  name: { type: 'recipient-first-name' },
  when: { type: 'datetime' },
  office: { type: 'service-phone' },
};

/**
 * Where a session is, said in a sentence of its own (so no Welsh word before a venue's name has
 * to mutate it): at a venue, by its name and address (a reminder adds how to arrive), or by video
 * call (no link: a link must be on the service's domains). Each session message comes plain
 * (`sms-booked`: the time and the service line, for a venue the service does not know or may not
 * name to this recipient) and in the forms listed with it (`sms-booked:venue`, `sms-booked:video`).
 */
export const SESSION_PLACES = ['venue', 'venue-directions', 'video'] as const;
export type SessionPlace = (typeof SESSION_PLACES)[number];

export function placedTemplateId(templateId: string, place: SessionPlace): string {
  return `${templateId}:${place}`;
}

const WHERE: Record<Language, Record<SessionPlace, string>> = {
  en: { venue: ' Venue: {{venue}}.', 'venue-directions': ' Venue: {{venue}}. {{directions}}', video: ' The appointment is by video call.' },
  cy: { venue: ' Lleoliad: {{venue}}.', 'venue-directions': ' Lleoliad: {{venue}}. {{directions}}', video: " Mae'r apwyntiad drwy alwad fideo." },
};
const VENUE_SLOT: SlotType = { type: 'venue', part: 'name-and-address' };
const WHERE_SLOTS: Record<SessionPlace, Record<string, SlotType>> = {
  venue: { venue: VENUE_SLOT },
  'venue-directions': { venue: VENUE_SLOT, directions: { type: 'venue', part: 'directions' } },
  video: {},
};

/** A session message, plain and in each of the places given: `{{where}}` in its body marks where the place is said. */
function placed(template: TemplateDefinition, places: readonly SessionPlace[]): TemplateDefinition[] {
  const at = (where: string) => template.body.replace('{{where}}', where);
  return [
    { ...template, body: at('') },
    ...places.map((place) => ({ ...template, id: placedTemplateId(template.id, place), body: at(WHERE[template.language][place]), slots: { ...template.slots, ...WHERE_SLOTS[place] } })),
  ];
}

const BOOKED_PLACES = ['venue', 'video'] as const;
const REMINDER_PLACES = ['venue', 'venue-directions', 'video'] as const;

/**
 * A poll by SMS lists its times, numbered, to be answered by reply (the notifications service
 * lists a few; more go as notice-poll, link only); the email keeps the link. Then the answers to
 * a reply: taken, numbers it cannot take, the poll closed.
 */
const POLL_SMS_SLOTS: Record<string, SlotType> = { name: NOTICE_SLOTS.name, options: { type: 'datetime-list' }, link: { type: 'link' } };

export const NOTIFICATIONS_CATALOGUE: readonly TemplateDefinition[] = [
  ...placed({ id: 'sms-booked', language: 'en', body: 'Hello {{name}}, your appointment is booked for {{when}}.{{where}} Reply C to confirm or R to ask for another time. Questions: {{office}}.', slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'sms-booked', language: 'cy', body: "Helo {{name}}, mae eich apwyntiad wedi'i drefnu ar gyfer {{when}}.{{where}} Atebwch C i gadarnhau neu R i ofyn am amser arall. Cwestiynau: {{office}}.", slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'sms-reminder', language: 'en', body: 'Hello {{name}}, a reminder of your appointment on {{when}}.{{where}} Reply C to confirm or R to ask for another time. Questions: {{office}}.', slots: NOTICE_SLOTS }, REMINDER_PLACES),
  ...placed({ id: 'sms-reminder', language: 'cy', body: "Helo {{name}}, nodyn i'ch atgoffa am eich apwyntiad ar {{when}}.{{where}} Atebwch C i gadarnhau neu R i ofyn am amser arall. Cwestiynau: {{office}}.", slots: NOTICE_SLOTS }, REMINDER_PLACES),
  ...placed({ id: 'sms-rescheduled', language: 'en', body: 'Hello {{name}}, your appointment has moved to {{when}}.{{where}} Reply C to confirm or R to ask for another time. Questions: {{office}}.', slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'sms-rescheduled', language: 'cy', body: 'Helo {{name}}, mae eich apwyntiad wedi symud i {{when}}.{{where}} Atebwch C i gadarnhau neu R i ofyn am amser arall. Cwestiynau: {{office}}.', slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'email-booked', language: 'en', subject: 'Your appointment on {{when}}', body: 'Hello {{name}}, your appointment is booked for {{when}}.{{where}} The invitation is attached. To confirm or change it, call {{office}}.', slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'email-booked', language: 'cy', subject: 'Eich apwyntiad ar {{when}}', body: "Helo {{name}}, mae eich apwyntiad wedi'i drefnu ar gyfer {{when}}.{{where}} Mae'r gwahoddiad ynghlwm. I gadarnhau neu newid, ffoniwch {{office}}.", slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'email-reminder', language: 'en', subject: 'Reminder: {{when}}', body: 'Hello {{name}}, a reminder of your appointment on {{when}}.{{where}} To confirm or change it, call {{office}}.', slots: NOTICE_SLOTS }, REMINDER_PLACES),
  ...placed({ id: 'email-reminder', language: 'cy', subject: 'Nodyn atgoffa: {{when}}', body: "Helo {{name}}, nodyn i'ch atgoffa am eich apwyntiad ar {{when}}.{{where}} I gadarnhau neu newid, ffoniwch {{office}}.", slots: NOTICE_SLOTS }, REMINDER_PLACES),
  ...placed({ id: 'email-rescheduled', language: 'en', subject: 'New time: {{when}}', body: 'Hello {{name}}, your appointment has moved to {{when}}.{{where}} The new invitation is attached. If the new time does not suit you, call {{office}}.', slots: NOTICE_SLOTS }, BOOKED_PLACES),
  ...placed({ id: 'email-rescheduled', language: 'cy', subject: 'Amser newydd: {{when}}', body: "Helo {{name}}, mae eich apwyntiad wedi symud i {{when}}.{{where}} Mae'r gwahoddiad newydd ynghlwm. Os nad yw'r amser newydd yn gyfleus, ffoniwch {{office}}.", slots: NOTICE_SLOTS }, BOOKED_PLACES),
  { id: 'notice-cancelled', language: 'en', subject: 'Appointment cancelled', body: 'Hello {{name}}, your appointment on {{when}} has been cancelled. We will be in touch. Questions: {{office}}.', slots: NOTICE_SLOTS },
  { id: 'notice-cancelled', language: 'cy', subject: 'Apwyntiad wedi ei ganslo', body: "Helo {{name}}, mae eich apwyntiad ar {{when}} wedi'i ganslo. Byddwn yn cysylltu â chi. Cwestiynau: {{office}}.", slots: NOTICE_SLOTS },
  { id: 'notice-poll', language: 'en', subject: 'When could you meet?', body: 'Hello {{name}}, please choose the times that suit you: {{link}} Questions: {{office}}.', slots: { name: NOTICE_SLOTS.name, link: { type: 'link' }, office: NOTICE_SLOTS.office } },
  { id: 'notice-poll', language: 'cy', subject: 'Pryd allech chi gyfarfod?', body: "Helo {{name}}, dewiswch yr amseroedd sy'n gyfleus i chi: {{link}} Cwestiynau: {{office}}.", slots: { name: NOTICE_SLOTS.name, link: { type: 'link' }, office: NOTICE_SLOTS.office } },
  { id: 'sms-help', language: 'en', body: 'For help, call {{office}}. Reply STOP to stop these messages.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-help', language: 'cy', body: 'Am help, ffoniwch {{office}}. Atebwch STOP i beidio â chael y negeseuon hyn.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-auto-reply', language: 'en', body: 'Thank you, we have received your reply. Replies to this number are not read straight away; about your appointment, please call {{office}}.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-auto-reply', language: 'cy', body: "Diolch, rydym wedi cael eich ateb. Nid yw atebion i'r rhif hwn yn cael eu darllen yn syth; am eich apwyntiad, ffoniwch {{office}}.", slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-poll', language: 'en', body: 'Hello {{name}}, which of these times suit you?\n{{options}}\nReply with the numbers of the times that suit you (e.g. 1 3), or 0 if none do. Or choose here: {{link}}', slots: POLL_SMS_SLOTS },
  { id: 'sms-poll', language: 'cy', body: "Helo {{name}}, pa rai o'r amseroedd hyn sy'n gyfleus i chi?\n{{options}}\nAtebwch gyda rhifau'r amseroedd sy'n gyfleus (e.e. 1 3), neu 0 os nad oes un yn gyfleus. Neu dewiswch yma: {{link}}", slots: POLL_SMS_SLOTS },
  { id: 'sms-poll-answered', language: 'en', body: 'Thank you, we have your answer. We will be in touch about the time. Questions: {{office}}.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-poll-answered', language: 'cy', body: 'Diolch, mae eich ateb gennym. Byddwn yn cysylltu am yr amser. Cwestiynau: {{office}}.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-poll-numbers', language: 'en', body: 'Please reply with numbers from 1 to {{count}} for the times that suit you (e.g. 1 3), or 0 if none do.', slots: { count: { type: 'number' } } },
  { id: 'sms-poll-numbers', language: 'cy', body: "Atebwch gyda rhifau o 1 i {{count}} ar gyfer yr amseroedd sy'n gyfleus (e.e. 1 3), neu 0 os nad oes un yn gyfleus.", slots: { count: { type: 'number' } } },
  { id: 'sms-poll-closed', language: 'en', body: 'Thank you. This poll has closed; to arrange a time, please call {{office}}.', slots: { office: NOTICE_SLOTS.office } },
  { id: 'sms-poll-closed', language: 'cy', body: "Diolch. Mae'r arolwg hwn wedi cau; i drefnu amser, ffoniwch {{office}}.", slots: { office: NOTICE_SLOTS.office } },
];
