import { ContentPolicy } from '../screen';
import { Category } from '../model';

const policy = new ContentPolicy();
const categories = (body: string) =>
  policy.findings({ recipient: { id: 'p1' }, participants: [{ id: 'p1', role: 'victim', name: 'Sam Reed' }], body }).map((f) => f.category);

const BLOCKED: [Category, string][] = [
  ['case-substance', 'We will talk about the robbery on Tuesday.'],
  ['case-substance', 'Bring the letter from the CPS about the hearing.'],
  ['case-substance', 'The session is about the night of the fight.'],
  ['case-substance', 'We will go over what happened at the taxi rank.'],
  ['case-substance', 'He took your phone and we will talk about that.'],
  ['other-party-voice', 'He has replied to your letter.'],
  ['other-party-voice', 'The young man has asked whether you would meet him.'],
  ['other-party-voice', 'She would rather not be in the same room.'],
  ['other-party-voice', 'The other party no longer wants to go ahead.'],
  ['other-party-voice', "I've heard back from her and it's a yes."],
  ['outcome', 'You agreed to pay £10 a week towards the repairs.'],
  ['outcome', 'He has kept his promise and not been near the shop.'],
  ['outcome', 'The written apology is ready for you.'],
  ['outcome', 'He has done all 40 hours now.'],
  ['advice-or-pressure', "You've got this!"],
  ['advice-or-pressure', 'Try not to be anxious, this is a safe space.'],
  ['advice-or-pressure', 'Going ahead will count in your favour at your review.'],
  ['advice-or-pressure', 'Please persuade him to stick with it.'],
  ['advice-or-pressure', 'Legally nothing you say can be used against you.'],
  ['advice-or-pressure', 'You might find it useful to see a counsellor first.'],
  ['sensitive-data', 'Because you were assaulted you can claim a taxi.'],
  ['sensitive-data', 'Bring your depression medication.'],
  ['sensitive-data', 'Bring your tag charger in case we run late.'],
  ['sensitive-data', 'He has a history of violence.'],
  ['sensitive-data', 'Your burglary case is on the list.'],
  ['other-party-pii', 'He lives just round the corner from the hall.'],
  ['other-party-pii', 'She is in HMP Send until the spring.'],
  ['other-party-pii', 'He is due out in May.'],
];

const ALLOWED = [
  'Don\'t worry if you\'re running late, just text us.',
  'If you\'re stuck in traffic on the day, don\'t worry - ring the office.',
  'The car park charges £2 an hour; tea is free of charge.',
  'The hall is closed for repairs, so we are in Room 2.',
  'There is a fire alarm test at 10; fire exits are marked in green.',
  'There is a hearing loop in the room and a lift by reception.',
  'Bring a bank statement or utility bill as proof of address.',
  'Bring your driving licence or passport.',
  'If that day does not suit, we can look at the following week.',
  'Can you let me know you got this? Thanks.',
  'Apologies for the short notice.',
  'Keep your bus ticket and we will pay you back on the day.',
  'Due to a road closure, allow extra time.',
  'Keep going past the library and the hall is on the left.',
  'Professionals\' pre-brief at 9.45am in the side room.',
  'Have a think about which dates suit you.',
  "Helo Sam, nodyn i'ch atgoffa am eich apwyntiad ddydd Mawrth am 10:00. Atebwch C i gadarnhau.",
];

describe('word rules', () => {
  it.each(BLOCKED)('%s: %s', (category, body) => {
    expect(categories(body)).toContain(category);
  });

  it.each(ALLOWED)('allows: %s', (body) => {
    expect(categories(body)).toEqual([]);
  });
});
