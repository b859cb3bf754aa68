import { ContentPolicy } from './screen';
import { Message, Participant } from './model';

const PARTICIPANTS: Participant[] = [
  { id: 'p1', role: 'victim', name: 'Katherine Hall', phone: '+447700900123', email: 'kath.hall@example.org', address: '12 Elm Road, Maidstone ME14 2AB' },
  { id: 'p2', role: 'offender', name: 'William Stone', phone: '+447700900456', address: 'HMP Elmley, Church Road, Eastchurch, Sheerness ME12 4DZ' },
  { id: 'p3', role: 'offender-manager', name: 'Tariq Mensah', phone: '+441632960944' },
  { id: 'f1', role: 'facilitator', name: 'Linda Millington', phone: '+441622000111', email: 'linda.m@service.example.net' },
];
const policy = new ContentPolicy({ servicePhones: ['03000 555 0142'] });

function screen(body: string, recipient = 'p2', extra: Partial<Message> = {}) {
  return policy.screen({ id: 'm', channel: 'sms', recipient: { id: recipient }, participants: PARTICIPANTS, body, ...extra });
}
const allowed = (body: string, recipient?: string) => expect(screen(body, recipient)).toEqual({ verdict: 'allow', reasons: [] });
const blockedFor = (body: string, reason: RegExp, recipient?: string) => {
  const verdict = screen(body, recipient);
  expect(verdict.verdict).toBe('block');
  expect(verdict.reasons.join('\n')).toMatch(reason);
};

describe('ContentPolicy: names', () => {
  it('blocks another participant by full name, first name, surname with a title, or short form', () => {
    blockedFor('Katherine Hall will be there.', /other-party-pii: names p1 \(victim\)/);
    blockedFor('Katherine will be there.', /names p1/);
    blockedFor('Mrs Hall will be there.', /names p1/);
    blockedFor('Kate will be there.', /names p1/);
    blockedFor('Kath asked for a later start.', /names p1/);
  });

  it('sees through leetspeak, look-alikes, spacing and one slip in a name', () => {
    blockedFor('K4therine will be there.', /names p1/);
    blockedFor('K\u0430therine will be there.', /names p1/);
    blockedFor('K a t e will be there.', /names p1/);
    blockedFor('Katherinne will be there.', /names p1/);
  });

  it('allows the recipient, their own facilitators, and words that are only names elsewhere', () => {
    allowed('Hi William, Linda will meet you at 10.');
    allowed('Will you be able to come? I will call you on Friday. Linda');
    allowed('We are at Hoo Village Hall, 7 Bench Street. Linda');
    allowed('The hall is on Stone Street, Cranbrook TN17 3HE.', 'p1');
  });

  it('takes a common word for a name only where it is written as one', () => {
    blockedFor('The meeting with the Hall family is at 10.', /names p1/);
    allowed('The meeting is in the main hall at 10.');
  });
});

describe('ContentPolicy: contact details', () => {
  it("blocks another participant's phone in any format, and says whose without repeating it", () => {
    const verdict = screen('His number is 07700 900 123.');
    expect(verdict.reasons).toContain('other-party-pii: phone number of p1 (victim)');
    expect(verdict.reasons.join(' ')).not.toContain('900');
  });

  it("allows the recipient's own facilitator's and the service's numbers, and office lines", () => {
    allowed('Any problem, ring Linda on 01622 000111 or the office on 03000 555 0142 or 01632 960874.');
  });

  it('blocks a mobile number that belongs to nobody the recipient may call', () => {
    blockedFor('Text her sister on 07700 900999.', /mobile number that is not/);
  });

  it('blocks another participant\'s email, plain or spelt out, and any unknown personal address', () => {
    blockedFor('Write to kath.hall@example.org', /email address of p1/);
    blockedFor('Write to kath dot hall at example dot org', /email address of p1/);
    blockedFor('Write to someone.else@example.com', /email address of no one/);
    allowed('Questions to linda.m@service.example.net or info@service.example.net.');
  });

  it("blocks another participant's address: postcode, house and street, or street alone", () => {
    blockedFor('It is near ME14 2AB.', /postcode of p1/);
    blockedFor('It is at 12 Elm Road.', /home address of p1/);
    blockedFor('It is a few streets from Elm Road.', /street of p1/);
    allowed('The venue is 3 Elm Road, Dover CT17 9BU.');
  });
});

describe('ContentPolicy: prisons', () => {
  it('blocks a prison for a party, but lets the offender manager have it as the venue', () => {
    blockedFor('The video link will be from HMP Elmley.', /other-party-pii: 'hmp'/, 'p1');
    allowed('Official visit booked at HMP Elmley, Church Road, Eastchurch ME12 4DZ, Tuesday 9:30. Bring ID.', 'p3');
  });

  it('blocks release dates for everyone', () => {
    blockedFor('His release date is 3 June.', /release date/, 'p3');
  });
});

describe('ContentPolicy: verdicts', () => {
  it('allows plain logistics', () => {
    allowed('Hi William, your appointment is Tue 5 Jan at 10:00. Bring photo ID. Reply C to confirm.');
  });

  it('reads the subject as well as the body', () => {
    expect(screen('See you at 10.', 'p2', { subject: 'About the assault' }).verdict).toBe('block');
  });

  it('gives each reason once, as category: what matched', () => {
    const verdict = screen('The assault, the assault and the robbery.');
    expect(verdict.reasons).toEqual(["case-substance: 'assault'", "case-substance: 'robbery'"]);
  });

  it('is deterministic and gives the same verdict with a warm cache', () => {
    const body = 'Kate said she is sorry about the burglary.';
    expect(screen(body)).toEqual(screen(body));
    expect(new ContentPolicy().screen({ id: 'x', channel: 'sms', recipient: { id: 'p2' }, participants: PARTICIPANTS, body })).toEqual(screen(body));
  });
});
