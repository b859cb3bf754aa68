import { loadStandInsConfig, StandInsConfigError } from './config';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from './twilio-stand-in';

describe('npm run stand-ins settings', () => {
  it('starts both on fixed ports by default, on loopback', () => {
    expect(loadStandInsConfig({})).toEqual({
      host: '127.0.0.1',
      twilio: { port: 8030, accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN, delayMs: 1000, inboundUrl: undefined, faults: {} },
      smtp: { port: 2525, httpPort: 8026, auth: undefined, faults: {} },
    });
  });

  it('starts only the Twilio stand-in, with faults, when told', () => {
    const config = loadStandInsConfig({
      STAND_INS: 'twilio',
      STAND_IN_HOST: '0.0.0.0',
      TWILIO_STAND_IN_FAULTS: '{"+447700900123": {"kind": "undelivered", "errorCode": 30003}}',
    });
    expect(config.smtp).toBeUndefined();
    expect(config.twilio?.faults).toEqual({ '+447700900123': { kind: 'undelivered', errorCode: 30003 } });
  });

  it.each([
    [{ STAND_INS: 'twilio,sms' }, "STAND_INS must list twilio and/or smtp, comma separated; got 'twilio,sms'"],
    [{ TWILIO_STAND_IN_PORT: '70000' }, "TWILIO_STAND_IN_PORT must be a whole number from 0 to 65535; got '70000'"],
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, "TWILIO_ACCOUNT_SID must be AC and 32 hex digits; got 'AC123'"],
    [{ SMTP_CATCHER_USER: 'convene' }, 'SMTP_CATCHER_USER and SMTP_CATCHER_PASS go together: set both or neither'],
    [{ SMTP_CATCHER_FAULTS: '[1]' }, "SMTP_CATCHER_FAULTS must be a JSON object by recipient"],
  ])('refuses %j naming the variable and the rule', (env, message) => {
    expect(() => loadStandInsConfig(env)).toThrow(StandInsConfigError);
    expect(() => loadStandInsConfig(env)).toThrow(message);
  });
});
