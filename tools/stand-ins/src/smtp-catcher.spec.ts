import { createTransport, type Transporter } from 'nodemailer';
import { SmtpCatcher } from './smtp-catcher';

const INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Convene//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:session-42@convene.test',
  'SEQUENCE:1',
  'DTSTART:20300101T100000Z',
  'DTEND:20300101T110000Z',
  'SUMMARY:Meeting',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the SMTP catcher, fed by nodemailer', () => {
  const open: Transporter[] = [];
  const catchers: SmtpCatcher[] = [];

  async function started(options: ConstructorParameters<typeof SmtpCatcher>[0] = {}): Promise<SmtpCatcher> {
    const catcher = new SmtpCatcher(options);
    catchers.push(catcher);
    await catcher.start();
    return catcher;
  }

  /** The pooled transport production uses, pointed at the catcher by host and port. */
  function transport(catcher: SmtpCatcher, auth?: { user: string; pass: string }): Transporter {
    const pooled = createTransport({ pool: true, maxConnections: 2, host: catcher.host, port: catcher.port, secure: false, ignoreTLS: true, auth });
    open.push(pooled);
    return pooled;
  }

  afterEach(async () => {
    for (const pooled of open.splice(0)) pooled.close();
    await Promise.all(catchers.splice(0).map((catcher) => catcher.stop()));
  });

  it('receives every part: text, HTML, the calendar invite and an attachment, with envelope and headers', async () => {
    const catcher = await started();
    const info = await transport(catcher).sendMail({
      from: 'Convene <no-reply@convene.test>',
      to: 'Alex <Alex@Example.test>',
      bcc: 'audit@convene.test',
      subject: 'Eich cyfarfod / Your meeting',
      text: 'Your meeting is on 1 January at 10:00.',
      html: '<p>Your meeting is on <b>1 January</b> at 10:00.</p>',
      icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: INVITE },
      attachments: [{ filename: 'directions.txt', content: 'Turn left at the library.' }],
    });

    expect(catcher.messages).toHaveLength(1);
    const [mail] = catcher.messages;
    expect(mail).toMatchObject({
      id: 1,
      envelope: { from: 'no-reply@convene.test', to: ['alex@example.test', 'audit@convene.test'] },
      from: '"Convene" <no-reply@convene.test>',
      to: ['alex@example.test'],
      cc: [],
      subject: 'Eich cyfarfod / Your meeting',
      text: 'Your meeting is on 1 January at 10:00.',
      html: '<p>Your meeting is on <b>1 January</b> at 10:00.</p>',
      messageId: info.messageId,
    });
    expect(mail.headers['message-id']).toBe(info.messageId);
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.attachments).toContainEqual(expect.objectContaining({ filename: 'directions.txt', content: 'Turn left at the library.' }));
    expect(mail.calendars.map((c) => [c.contentType, c.filename, c.method])).toEqual([
      ['text/calendar', null, 'REQUEST'],
      ['application/ics', 'invite.ics', 'REQUEST'],
    ]);
    expect(mail.calendars[0].text).toContain('UID:session-42@convene.test');
    expect(catcher.messagesTo('AUDIT@convene.test')).toEqual([mail]);
  });

  it('takes many mails over the pooled connections', async () => {
    const catcher = await started();
    const pooled = transport(catcher);
    const to = Array.from({ length: 20 }, (_, i) => `person${i}@example.test`);
    await Promise.all(to.map((address) => pooled.sendMail({ from: 'no-reply@convene.test', to: address, subject: 'x', text: 'x' })));
    expect(catcher.messages.map((mail) => mail.envelope.to[0]).sort()).toEqual([...to].sort());
  });

  it('requires AUTH when configured, and refuses a wrong password with 535', async () => {
    const catcher = await started({ auth: { user: 'convene', pass: 'secret' } });
    const mail = { from: 'no-reply@convene.test', to: 'a@example.test', subject: 'x', text: 'x' };
    await expect(transport(catcher, { user: 'convene', pass: 'wrong' }).sendMail(mail)).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    await expect(transport(catcher).sendMail(mail)).rejects.toMatchObject({ responseCode: 530 });
    await transport(catcher, { user: 'convene', pass: 'secret' }).sendMail(mail);
    expect(catcher.messages).toHaveLength(1);
  });

  it('refuses a recipient for good (550) or for now (451), and delivers to the others', async () => {
    const catcher = await started({ faults: { 'gone@example.test': { kind: 'reject', code: 550 } } });
    catcher.setRecipientFault('busy@example.test', { kind: 'reject', code: 451, times: 1 });
    const pooled = transport(catcher);
    const mail = (to: string | string[]) => ({ from: 'no-reply@convene.test', to, subject: 'x', text: 'x' });

    await expect(pooled.sendMail(mail('gone@example.test'))).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    await expect(pooled.sendMail(mail('busy@example.test'))).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 451 });
    await pooled.sendMail(mail('busy@example.test'));
    const partly = await pooled.sendMail(mail(['gone@example.test', 'here@example.test']));
    expect(partly.rejected).toEqual(['gone@example.test']);
    expect(catcher.messages.map((m) => m.envelope.to)).toEqual([['busy@example.test'], ['here@example.test']]);
  });

  it('can cut the connection before the mail, or after keeping it so the sender cannot know', async () => {
    const catcher = await started();
    catcher.setRecipientFault('before@example.test', { kind: 'drop-connection', accepted: false });
    catcher.setRecipientFault('after@example.test', { kind: 'drop-connection', accepted: true, times: 1 });
    const pooled = transport(catcher);
    const mail = (to: string) => ({ from: 'no-reply@convene.test', to, subject: 'x', text: 'x' });

    await expect(pooled.sendMail(mail('before@example.test'))).rejects.toThrow();
    expect(catcher.messages).toHaveLength(0);
    await expect(pooled.sendMail(mail('after@example.test'))).rejects.toThrow();
    expect(catcher.messagesTo('after@example.test')).toHaveLength(1);
    await pooled.sendMail(mail('after@example.test'));
    expect(catcher.messagesTo('after@example.test')).toHaveLength(2);
  });

  it('shows the mails as JSON for people to watch, and can forget them', async () => {
    const catcher = new SmtpCatcher({ httpPort: 0 });
    catchers.push(catcher);
    const { httpUrl } = await catcher.start();
    await transport(catcher).sendMail({ from: 'no-reply@convene.test', to: 'a@example.test', subject: 'Watch me', text: 'x' });
    const listed = (await (await fetch(`${httpUrl}/messages`)).json()) as { messages: { subject: string }[] };
    expect(listed.messages.map((m) => m.subject)).toEqual(['Watch me']);
    expect((await fetch(`${httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(catcher.messages).toHaveLength(0);
  });

  it('keeps only the envelope when parsing is off, and only the newest when bounded', async () => {
    const catcher = await started({ parse: false, keep: 2 });
    const pooled = transport(catcher);
    for (const to of ['a@example.test', 'b@example.test', 'c@example.test']) {
      await pooled.sendMail({ from: 'no-reply@convene.test', to, subject: 'x', text: 'x' });
    }
    expect(catcher.messages.map((m) => [m.id, m.envelope.to[0], m.subject])).toEqual([
      [2, 'b@example.test', null],
      [3, 'c@example.test', null],
    ]);
  });
});
