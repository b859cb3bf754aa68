import { loadStandInsConfig, StandInsConfigError } from './config';
import { TwilioStandIn } from './twilio-stand-in';

/**
 * `npm run stand-ins`: the Twilio stand-in and the SMTP catcher for people to watch what Convene
 * sends, on the ports printed. Docker runs the Twilio one alone (STAND_INS=twilio).
 */
async function main(): Promise<void> {
  const config = loadStandInsConfig(process.env);
  const stops: (() => Promise<void>)[] = [];
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;

  if (config.twilio) {
    const { port, accountSid, authToken, delayMs, inboundUrl, faults } = config.twilio;
    const twilio = new TwilioStandIn({
      host: config.host,
      port,
      accountSid,
      authToken,
      inboundUrl,
      faults,
      delaysMs: { queued: delayMs, sent: delayMs, delivered: delayMs },
    });
    await twilio.start();
    stops.push(() => twilio.stop());
    const base = `http://${shown}:${new URL(twilio.url).port}`;
    say(`Twilio stand-in  ${base}  account ${accountSid}, auth token ${authToken}`);
    say(`  the SDK:       client.api.baseUrl = '${base}'`);
    say(`  messages:      curl -s ${base}/_stand-in/messages`);
    say(`  a reply:       curl -s ${base}/_stand-in/inbound -d '{"from":"+447700900123","to":"+441632960001","body":"YES"${inboundUrl ? '' : ',"url":"http://localhost:3000/..."'}}'`);
    say(`  a fault:       curl -s ${base}/_stand-in/faults -d '{"to":"+447700900123","fault":{"kind":"undelivered","errorCode":30003}}'`);
  }

  if (config.smtp) {
    // Loaded only when asked for: the production image, which runs the Twilio stand-in, has no smtp-server.
    const { SmtpCatcher } = await import('./smtp-catcher.js');
    const { port, httpPort, auth, faults } = config.smtp;
    const catcher = new SmtpCatcher({ host: config.host, port, httpPort, auth, faults, keep: 1000 });
    await catcher.start();
    stops.push(() => catcher.stop());
    say(`SMTP catcher     smtp://${shown}:${catcher.port}${auth ? ` (AUTH ${auth.user})` : ''}, no TLS`);
    say(`  messages:      curl -s ${catcher.httpUrl!.replace(config.host, shown)}/messages`);
  }

  say('Ctrl-C stops them.');
  const stop = () => {
    Promise.all(stops.map((fn) => fn())).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof StandInsConfigError ? error.message : String(error instanceof Error ? (error.stack ?? error) : error)}\n`);
  process.exit(1);
});
