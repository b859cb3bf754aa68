import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { eventually } from '#testing';
import { TwilioStandIn } from './twilio-stand-in';

interface Received {
  url: string;
  signature: string;
  params: Record<string, string>;
}

/** The app's side: records each webhook Twilio (here, the stand-in) posts to it. */
async function startReceiver(reply = ''): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const base = `http://${request.headers.host}`;
      received.push({
        url: base + request.url,
        signature: String(request.headers['x-twilio-signature'] ?? ''),
        params: Object.fromEntries(new URLSearchParams(body)),
      });
      response.setHeader('Content-Type', 'text/xml');
      response.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe('the Twilio stand-in, driven by the real twilio SDK', () => {
  const standIn = new TwilioStandIn({ delaysMs: { queued: 1, sent: 1, delivered: 1 } });
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: twilio.Twilio;

  /** Production's code path: the SDK's own client, its API base URL moved by configuration. */
  function sdk(options: twilio.ClientOpts = {}, target = standIn): twilio.Twilio {
    const sdkClient = twilio(target.accountSid, target.authToken, { autoRetry: false, ...options });
    sdkClient.api.baseUrl = target.url;
    return sdkClient;
  }

  beforeAll(async () => {
    await standIn.start();
    receiver = await startReceiver('<Response><Message>Thanks</Message></Response>');
    client = sdk();
  });
  afterEach(async () => {
    await standIn.idle();
    standIn.reset();
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await standIn.stop();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('creates a message, fetches it, and calls back sent and delivered (not the initial queued, as Twilio) with signatures validateRequest accepts', async () => {
    const created = await client.messages.create({
      to: '+447700900123',
      from: '+447700900001',
      body: 'Reminder: your meeting is on Tuesday at 10:00.',
      statusCallback: `${receiver.url}/sms/status?attempt=1`,
      validityPeriod: 3600,
    });
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created).toMatchObject({ status: 'queued', to: '+447700900123', from: '+447700900001', numSegments: '1', direction: 'outbound-api' });
    expect(created.dateCreated).toBeInstanceOf(Date);
    expect(standIn.messages).toHaveLength(1);
    expect(standIn.messages[0]).toMatchObject({ sid: created.sid, body: 'Reminder: your meeting is on Tuesday at 10:00.', validityPeriod: 3600 });

    await standIn.idle();
    expect(receiver.received.map((r) => r.params.MessageStatus)).toEqual(['sent', 'delivered']);
    for (const callback of receiver.received) {
      expect(callback.url).toBe(`${receiver.url}/sms/status?attempt=1`);
      expect(callback.params).toMatchObject({ MessageSid: created.sid, AccountSid: standIn.accountSid, To: '+447700900123', From: '+447700900001' });
      expect(validateRequest(standIn.authToken, callback.signature, callback.url, callback.params)).toBe(true);
    }
    const delivered = receiver.received[1];
    expect(validateRequest(standIn.authToken, delivered.signature, delivered.url, { ...delivered.params, MessageStatus: 'failed' })).toBe(false);
    expect(validateRequest('another-token', delivered.signature, delivered.url, delivered.params)).toBe(false);

    const fetched = await client.messages(created.sid).fetch();
    expect(fetched).toMatchObject({ sid: created.sid, status: 'delivered' });
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(standIn.messages[0].callbacks.map((c) => c.httpStatus)).toEqual([200, 200]);
  });

  it('answers a wrong auth token with 401 and code 20003', async () => {
    const stranger = twilio(standIn.accountSid, 'wrong-token', { autoRetry: false });
    stranger.api.baseUrl = standIn.url;
    await expect(stranger.messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi' })).rejects.toMatchObject({
      status: 401,
      code: 20003,
    });
    expect(standIn.messages).toHaveLength(0);
  });

  it("refuses what Twilio refuses, in Twilio's error shape", async () => {
    standIn.setRecipientFault('+447700900666', { kind: 'reject', code: 21610 });
    await expect(client.messages.create({ to: '+447700900666', from: '+447700900001', body: 'hi' })).rejects.toMatchObject({
      status: 400,
      code: 21610,
      moreInfo: 'https://www.twilio.com/docs/errors/21610',
    });
    await expect(client.messages.create({ to: '+15005550001', from: '+447700900001', body: 'hi' })).rejects.toMatchObject({ code: 21211 });
    await expect(client.messages.create({ to: '07700 900123', from: '+447700900001', body: 'hi' })).rejects.toMatchObject({ code: 21211 });
    await expect(client.messages.create({ to: '+447700900123', body: 'hi' })).rejects.toMatchObject({ code: 21603 });
    await expect(client.messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi', validityPeriod: 0 })).rejects.toMatchObject({
      code: 90007,
    });
    expect(standIn.messages).toHaveLength(0);
    expect(standIn.requests.map((r) => r.errorCode)).toEqual([21610, 21211, 21211, 21603, 90007]);
  });

  it('fails a 429 once with Retry-After and the SDK does not retry it itself (autoRetry off)', async () => {
    standIn.failNext({ kind: 'transient', status: 429, retryAfterSeconds: 2 });
    const response = await fetch(`${standIn.url}/2010-04-01/Accounts/${standIn.accountSid}/Messages.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${standIn.accountSid}:${standIn.authToken}`).toString('base64')}` },
      body: new URLSearchParams({ To: '+447700900123', From: '+447700900001', Body: 'hi' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({ code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 });

    standIn.failNext({ kind: 'transient', status: 429 });
    await expect(client.messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi' })).rejects.toMatchObject({ status: 429 });
    expect(standIn.requests).toHaveLength(2);

    // The same fault with the SDK's retry on: it sends again by itself, which is what we forbid.
    standIn.failNext({ kind: 'transient', status: 429 });
    await sdk({ autoRetry: true }).messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi' });
    expect(standIn.requests.map((r) => r.httpStatus)).toEqual([429, 429, 429, 201]);
  });

  it('fails a recipient with 500 the given number of times, then accepts', async () => {
    standIn.setRecipientFault('+447700900500', { kind: 'transient', status: 500, times: 2 });
    const send = () => client.messages.create({ to: '+447700900500', from: '+447700900001', body: 'hi' });
    await expect(send()).rejects.toMatchObject({ status: 500, code: 20500 });
    await expect(send()).rejects.toMatchObject({ status: 500 });
    await expect(send()).resolves.toMatchObject({ status: 'queued' });
    expect(standIn.messages).toHaveLength(1);
  });

  it('reports a carrier failure as undelivered with its ErrorCode', async () => {
    standIn.setRecipientFault('+447700900303', { kind: 'undelivered', errorCode: 30003 });
    const message = await client.messages.create({ to: '+447700900303', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/s` });
    await standIn.idle();
    expect(receiver.received.map((r) => [r.params.MessageStatus, r.params.ErrorCode])).toEqual([
      ['sent', undefined],
      ['undelivered', '30003'],
    ]);
    expect(await client.messages(message.sid).fetch()).toMatchObject({ status: 'undelivered', errorCode: 30003 });
  });

  it('fails a message never sent, and one held past its ValidityPeriod (30036)', async () => {
    standIn.setRecipientFault('+447700900305', { kind: 'undelivered', errorCode: 30005, finalStatus: 'failed' });
    standIn.setRecipientFault('+447700900999', { kind: 'slow', sentAfterMs: 1_050 });
    await client.messages.create({ to: '+447700900305', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/a` });
    await client.messages.create({ to: '+447700900999', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/b`, validityPeriod: 1 });
    await standIn.idle();
    const statuses = (path: string) => receiver.received.filter((r) => r.url.endsWith(path)).map((r) => `${r.params.MessageStatus} ${r.params.ErrorCode ?? ''}`.trim());
    expect(statuses('/a')).toEqual(['failed 30005']);
    expect(statuses('/b')).toEqual(['failed 30036']);
  });

  it('can drop the callbacks, or send them newest first', async () => {
    standIn.setRecipientFault('+447700900100', { kind: 'no-callback' });
    standIn.setRecipientFault('+447700900200', { kind: 'out-of-order' });
    const silent = await client.messages.create({ to: '+447700900100', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/a` });
    await client.messages.create({ to: '+447700900200', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/b` });
    await standIn.idle();
    expect(receiver.received.map((r) => r.params.MessageStatus)).toEqual(['delivered', 'sent']);
    expect(standIn.message(silent.sid)).toMatchObject({ status: 'delivered', callbacks: [] });
  });

  it('can cut the connection after taking the message, so the sender cannot know it went', async () => {
    standIn.failNext({ kind: 'drop-connection', accepted: true });
    await expect(client.messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi' })).rejects.toThrow();
    expect(standIn.messages).toHaveLength(1);
    expect(standIn.requests).toMatchObject([{ httpStatus: 'dropped', messageSid: standIn.messages[0].sid }]);
  });

  it("says 'accepted' for a message sent through a Messaging Service", async () => {
    const message = await client.messages.create({ to: '+447700900123', messagingServiceSid: 'MG00000000000000000000000000000001', body: 'Helo' });
    expect(message).toMatchObject({ status: 'accepted', from: null, messagingServiceSid: 'MG00000000000000000000000000000001' });
  });

  it('calls back queued for a Messaging Service message, which starts accepted', async () => {
    await client.messages.create({ to: '+447700900123', messagingServiceSid: 'MG00000000000000000000000000000001', body: 'Helo', statusCallback: `${receiver.url}/m` });
    await standIn.idle();
    expect(receiver.received.map((r) => r.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
  });

  it('posts a signed inbound SMS to the app and hands back its answer', async () => {
    const reply = await standIn.sendInbound({ from: '+447700900123', to: '+447700900001', body: 'STOP', url: `${receiver.url}/sms/inbound` });
    expect(reply).toMatchObject({ messageSid: expect.stringMatching(/^SM/), httpStatus: 200, responseBody: '<Response><Message>Thanks</Message></Response>' });
    const [inbound] = receiver.received;
    expect(inbound.params).toMatchObject({ From: '+447700900123', To: '+447700900001', Body: 'STOP', MessageSid: reply.messageSid, AccountSid: standIn.accountSid });
    expect(validateRequest(standIn.authToken, inbound.signature, inbound.url, inbound.params)).toBe(true);
    expect(validateRequest(standIn.authToken, inbound.signature, inbound.url, { ...inbound.params, Body: 'YES' })).toBe(false);
  });

  it('is driven over HTTP too: messages to watch, faults to set, replies to send', async () => {
    const control = (path: string, init?: RequestInit) => fetch(`${standIn.url}/_stand-in/${path}`, init);
    const post = (path: string, body: unknown) => control(path, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('faults', { to: '+447700900777', fault: { kind: 'reject', code: 21211 } })).status).toBe(204);
    await expect(client.messages.create({ to: '+447700900777', from: '+447700900001', body: 'x' })).rejects.toMatchObject({ code: 21211 });
    await client.messages.create({ to: '+447700900123', from: '+447700900001', body: 'watch me' });
    const watched = (await (await control('messages')).json()) as { messages: { body: string; status: string }[]; requests: unknown[] };
    expect(watched.messages).toMatchObject([{ body: 'watch me' }]);
    expect(watched.requests).toHaveLength(2);

    const inbound = await post('inbound', { from: '+447700900123', to: '+447700900001', body: 'C', url: `${receiver.url}/in` });
    expect(await inbound.json()).toMatchObject({ httpStatus: 200 });
    await eventually(() => expect(receiver.received.map((r) => r.params.Body)).toEqual(['C']));
    expect((await post('inbound', { from: '+447700900123', to: '+447700900001', body: 'C' })).status).toBe(400);

    expect(await (await post('faults', { to: '+447700900777', fault: {} })).json()).toEqual({ error: expect.stringContaining('fault.kind is required') });
    expect((await control('faults', { method: 'POST', body: 'not json' })).status).toBe(400);

    await standIn.idle();
    expect((await control('messages', { method: 'DELETE' })).status).toBe(204);
    expect(standIn.messages).toHaveLength(0);
  });

  it('drops what it had still to do when stopped, so idle() does not wait on it', async () => {
    const slow = new TwilioStandIn({ delaysMs: { queued: 60_000 } });
    await slow.start();
    await sdk({}, slow).messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/s` });
    await slow.stop();
    await slow.idle();
    expect(slow.messages[0]).toMatchObject({ status: 'queued', callbacks: [] });
  });

  it('posts no callback at all when told not to', async () => {
    const quiet = new TwilioStandIn({ callbacks: false, delaysMs: { queued: 1, sent: 1, delivered: 1 } });
    await quiet.start();
    await sdk({}, quiet).messages.create({ to: '+447700900123', from: '+447700900001', body: 'hi', statusCallback: `${receiver.url}/s` });
    await quiet.idle();
    await quiet.stop();
    expect(quiet.messages[0]).toMatchObject({ status: 'delivered', callbacks: [] });
    expect(receiver.received).toHaveLength(0);
  });
});
