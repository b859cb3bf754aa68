import { DEFAULT_POLICY_CONFIG, PolicyConfig } from '../config';
import { Message, Participant, reasonText } from '../model';
import { CasePeople } from '../people/case-people';
import { ContentPolicy } from '../screen';
import { Language, renderSlot, SlotContext, SlotType, SlotValue } from './slots';
import { Venue, venueText } from './venues';

/** A message template: text with `{{slot}}` placeholders, each declared with its type. */
export interface TemplateDefinition {
  id: string;
  language: Language;
  subject?: string;
  body: string;
  slots: Readonly<Record<string, SlotType>>;
}

export interface RenderRequest {
  templateId: string;
  language: Language;
  recipient: Message['recipient'];
  participants: Participant[];
  values: Readonly<Record<string, SlotValue>>;
  /** Venues for this message besides the registry's own: a service whose venues change while it runs passes them here. */
  venues?: readonly Venue[];
}

export type RenderResult = { ok: true; subject?: string; body: string } | { ok: false; problems: string[] };

/** A template that cannot be registered: the message says which and why. */
export class TemplateError extends Error {}

const PLACEHOLDER_RE = /\{\{([a-zA-Z][\w-]*)\}\}/g;
const LANGUAGES: readonly Language[] = ['en', 'cy'];

function placeholders(t: TemplateDefinition): Set<string> {
  return new Set([...`${t.subject ?? ''}\n${t.body}`.matchAll(PLACEHOLDER_RE)].map((m) => m[1]));
}

function fill(text: string, rendered: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER_RE, (_, name: string) => rendered.get(name) ?? '');
}

/**
 * The structure layer: messages are made only from registered templates whose slots are typed and
 * checked against the case; the rendered text then passes the screening like any other message.
 */
export class TemplateRegistry {
  private readonly templates = new Map<string, TemplateDefinition>();
  private readonly venues: ReadonlyMap<string, Venue>;
  private readonly config: PolicyConfig;
  private readonly policy: ContentPolicy;

  constructor(options: { venues?: readonly Venue[]; config?: Partial<PolicyConfig> } = {}) {
    this.config = { ...DEFAULT_POLICY_CONFIG, ...options.config };
    this.policy = new ContentPolicy(this.config);
    this.venues = new Map((options.venues ?? []).map((v) => [v.id, v]));
  }

  register(template: TemplateDefinition): void {
    const name = `template ${template.id} (${template.language})`;
    if (!LANGUAGES.includes(template.language)) throw new TemplateError(`${name}: language must be one of ${LANGUAGES.join(', ')}`);
    const key = `${template.id}\u0000${template.language}`;
    if (this.templates.has(key)) throw new TemplateError(`${name}: already registered`);
    const used = placeholders(template);
    for (const slot of used) if (!(slot in template.slots)) throw new TemplateError(`${name}: {{${slot}}} is not a declared slot`);
    for (const slot of Object.keys(template.slots)) if (!used.has(slot)) throw new TemplateError(`${name}: slot ${slot} is declared but never used`);
    // The fixed text must pass the policy on its own: slots cannot make it safe.
    const findings = this.policy.findings({
      recipient: { id: '' },
      participants: [],
      subject: template.subject?.replace(PLACEHOLDER_RE, ' '),
      body: template.body.replace(PLACEHOLDER_RE, ' '),
    });
    if (findings.length > 0) throw new TemplateError(`${name}: fixed text fails the policy: ${findings.map(reasonText).join('; ')}`);
    this.templates.set(key, template);
  }

  render(request: RenderRequest): RenderResult {
    const template = this.templates.get(`${request.templateId}\u0000${request.language}`);
    if (!template) return { ok: false, problems: [`no template ${request.templateId} in ${request.language}`] };
    const venues = request.venues ? new Map([...this.venues, ...request.venues.map((v) => [v.id, v] as const)]) : this.venues;
    const context: SlotContext = {
      language: request.language,
      people: new CasePeople(request, this.config),
      venues,
      config: this.config,
    };
    const problems: string[] = [];
    const rendered = new Map<string, string>();
    for (const [slot, type] of Object.entries(template.slots)) {
      const result = renderSlot(type, request.values[slot], context);
      if (!result.ok) problems.push(`slot ${slot}: ${result.problem}`);
      else rendered.set(slot, result.text);
    }
    for (const [slot, type] of Object.entries(template.slots)) {
      if (type.type === 'venue' && rendered.has(slot)) problems.push(...this.venueProblems(slot, request, venues.get(request.values[slot] as string)!));
    }
    if (problems.length > 0) return { ok: false, problems };
    const subject = template.subject === undefined ? undefined : fill(template.subject, rendered);
    const body = fill(template.body, rendered);
    const verdict = this.policy.screen({ id: request.templateId, channel: 'sms', recipient: request.recipient, participants: request.participants, subject, body });
    if (verdict.verdict === 'block') return { ok: false, problems: verdict.reasons.map((r) => `screening: ${r}`) };
    return subject === undefined ? { ok: true, body } : { ok: true, subject, body };
  }

  /** A venue is a place, never a person of the case or where one of them lives. */
  private venueProblems(slot: string, request: RenderRequest, venue: Venue): string[] {
    const text = (['name', 'address', 'directions', 'access'] as const).map((part) => venueText(venue, part) ?? '').join('\n');
    return this.policy
      .findings({ recipient: request.recipient, participants: request.participants, body: text })
      .filter((f) => f.category === 'other-party-pii')
      .map((f) => `slot ${slot}: venue ${venue.id} ${f.detail.startsWith('names') ? f.detail : `gives the ${f.detail}`}`);
  }
}
