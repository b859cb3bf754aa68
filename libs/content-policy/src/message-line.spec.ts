import { malformedVerdict, parseMessageLine, verdictLine } from './message-line';

const good = { id: 'm1', channel: 'sms', recipient: { id: 'p2', role: 'offender' }, case: { participants: [{ id: 'p2', role: 'offender', name: 'Mark Smith' }] }, body: 'Hi' };

describe('parseMessageLine', () => {
  it('reads a message and ignores labels', () => {
    const parsed = parseMessageLine(JSON.stringify({ ...good, expect: 'allow', category: 'logistics' }));
    expect(parsed).toEqual({ ok: true, id: 'm1', message: { id: 'm1', channel: 'sms', recipient: { id: 'p2', role: 'offender' }, participants: [{ id: 'p2', role: 'offender', name: 'Mark Smith' }], body: 'Hi' } });
  });

  it.each([
    ['{not json', null, 'not valid JSON'],
    ['[1,2]', null, 'not a JSON object'],
    [JSON.stringify({ ...good, id: undefined }), null, 'missing id'],
    [JSON.stringify({ ...good, id: { x: 1 } }), null, 'id must be a string'],
    [JSON.stringify({ ...good, body: undefined }), 'm1', 'missing body'],
    [JSON.stringify({ ...good, body: 42 }), 'm1', 'body must be a string'],
    [JSON.stringify({ ...good, channel: 'fax' }), 'm1', 'channel must be "sms" or "email"'],
    [JSON.stringify({ ...good, recipient: {} }), 'm1', 'recipient.id must be a string'],
    [JSON.stringify({ ...good, case: {} }), 'm1', 'case.participants must be an array'],
    [JSON.stringify({ ...good, case: { participants: [{ id: 'p1', role: 'victim', phone: 7 }] } }), 'm1', 'case.participants[0].phone must be a string'],
  ])('refuses %s', (line, id, problem) => {
    expect(parseMessageLine(line)).toEqual({ ok: false, id, problem });
  });
});

describe('verdict lines', () => {
  it('prints the spec format', () => {
    expect(verdictLine('m2', malformedVerdict('missing body'))).toBe('{"id":"m2","verdict":"block","reasons":["malformed: missing body"]}');
    expect(verdictLine('m1', { verdict: 'allow', reasons: [] })).toBe('{"id":"m1","verdict":"allow","reasons":[]}');
  });
});
