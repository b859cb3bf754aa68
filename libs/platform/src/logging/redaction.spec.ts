import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './redaction';

function logged(write: (logger: pino.Logger) => void): Record<string, unknown> {
  let line = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      line += String(chunk);
      done();
    },
  });
  write(pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink));
  return JSON.parse(line) as Record<string, unknown>;
}

describe('log redaction', () => {
  it('never writes personal data or credentials, at any of the depths logs use', () => {
    const entry = logged((logger) =>
      logger.info(
        {
          name: 'Sarah Jones',
          participant: { phone: '+447700900123', email: 'sarah@example.org', address: '12 Elm Road' },
          message: { to: '+447700900123', body: 'Your meeting is on Tuesday' },
          req: { headers: { authorization: 'Bearer secret-token', 'x-request-id': 'abc' } },
        },
        'sent',
      ),
    );
    const text = JSON.stringify(entry);
    for (const secret of ['Sarah', '7700900123', 'sarah@example.org', 'Elm Road', 'Tuesday', 'secret-token']) {
      expect(text).not.toContain(secret);
    }
    expect(entry).toMatchObject({
      name: '[redacted]',
      participant: { phone: '[redacted]', email: '[redacted]', address: '[redacted]' },
      req: { headers: { authorization: '[redacted]', 'x-request-id': 'abc' } },
      msg: 'sent',
    });
  });

  it('keeps the ids and facts operations need', () => {
    const entry = logged((logger) => logger.info({ caseId: 'c-1', participantId: 'p-2', channel: 'sms', status: 'delivered' }, 'ok'));
    expect(entry).toMatchObject({ caseId: 'c-1', participantId: 'p-2', channel: 'sms', status: 'delivered' });
  });
});
