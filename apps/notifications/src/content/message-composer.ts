import { Injectable } from '@nestjs/common';
import type { Language, MessageChannel } from '#contracts';
import { ContentPolicy, NOTIFICATIONS_CATALOGUE, type Participant, type SlotValue, TemplateRegistry, type Venue } from '#content-policy';
import { PlatformConfig } from '#platform';
import type { Recipient } from '../contacts/contact-routes';
import { NotificationsConfig } from '../notifications.config';

export interface MessageText {
  subject: string | null;
  body: string;
}

/** The text, and why the content policy holds it back (empty when it may go). */
export interface Composed extends MessageText {
  reasons: string[];
}

export interface ComposeRequest {
  templateId: string;
  language: Language;
  channel: MessageChannel;
  recipient: Recipient;
  /** The case's people the message must not reveal: the other attendees, as cases routes them. */
  others: Recipient[];
  values: Record<string, SlotValue>;
  /** The session's venue, when a venue slot names it (notifications' copy, which changes while it runs). */
  venues?: readonly Venue[];
}

/**
 * Every message is made from a registered template and screened against the case's people before
 * it is queued. Slots are checked with the recipient alone (so a held message still has a text a
 * practitioner can edit), then the whole text is screened with everyone the case routes to.
 */
@Injectable()
export class MessageComposer {
  private readonly registry: TemplateRegistry;
  private readonly policy: ContentPolicy;
  readonly servicePhone: string;

  constructor(config: NotificationsConfig, platform: PlatformConfig) {
    const policyConfig = {
      servicePhones: [config.SERVICE_PHONE],
      linkDomains: config.LINK_DOMAINS.split(','),
      // Poll links are made under the deployment's own address; a local run's is plain http on localhost.
      publicBaseUrl: config.PUBLIC_BASE_URL,
      localHttpLinks: platform.NODE_ENV !== 'production',
    };
    this.registry = new TemplateRegistry({ config: policyConfig });
    for (const template of NOTIFICATIONS_CATALOGUE) this.registry.register(template);
    this.policy = new ContentPolicy(policyConfig);
    this.servicePhone = config.SERVICE_PHONE;
  }

  compose(request: ComposeRequest): Composed {
    const recipient = person(request.recipient);
    const rendered = this.registry.render({
      templateId: request.templateId,
      language: request.language,
      recipient: { id: recipient.id, role: recipient.role },
      participants: [recipient],
      values: request.values,
      venues: request.venues,
    });
    if (!rendered.ok) return { subject: null, body: '', reasons: rendered.problems };
    const text = { subject: rendered.subject ?? null, body: rendered.body };
    return { ...text, reasons: this.screen(text, request.channel, request.recipient, request.others) };
  }

  /** The policy's reasons against a text (an edited one included); empty when it may go. */
  screen(text: MessageText, channel: MessageChannel, recipient: Recipient, others: Recipient[]): string[] {
    const participants = [person(recipient), ...others.filter((o) => o.participantId !== recipient.participantId).map(person)];
    const verdict = this.policy.screen({
      id: 'message',
      channel,
      recipient: { id: recipient.participantId, role: recipient.role },
      participants,
      ...(text.subject ? { subject: text.subject } : {}),
      body: text.body,
    });
    return verdict.reasons;
  }

  /** A fixed text with the service's line (HELP answer, automatic reply), and numbers we computed: nothing of the case in it. */
  serviceText(templateId: string, language: Language, numbers: Record<string, number> = {}): string {
    const rendered = this.registry.render({ templateId, language, recipient: { id: '' }, participants: [], values: { ...numbers, office: this.servicePhone } });
    if (!rendered.ok) throw new Error(`template ${templateId} (${language}) does not render: ${rendered.problems.join('; ')}`);
    return rendered.body;
  }
}

function person(recipient: Recipient): Participant {
  return {
    id: recipient.participantId,
    role: recipient.role,
    name: recipient.firstName,
    ...(recipient.sms ? { phone: recipient.sms } : {}),
    ...(recipient.email ? { email: recipient.email } : {}),
  };
}
