import { DEFAULT_POLICY_CONFIG, PolicyConfig } from './config';
import { screenWords, RULE_WORDS } from './lexicon';
import { Finding, Message, reasonText, Verdict } from './model';
import { CasePeople, describe } from './people/case-people';
import { findHomeStreets, screenContactDetails } from './people/contact-details';
import { findNames, NameLabel } from './people/names';
import { foldText } from './text/fold';
import { properNounMask } from './text/proper-nouns';
import { Token, tokenise } from './text/tokenise';
import { Vocabulary } from './text/vocabulary';

const VOCABULARY = new Vocabulary(RULE_WORDS);

// Emoji of affection and encouragement: emotional support, not logistics.
const SUPPORT_EMOJI_RE = /[\u{1F4AA}\u{1F917}\u{1FAC2}\u{2764}\u{2665}\u{1F495}-\u{1F49F}\u{1F9E1}\u{1F90D}\u{1F90E}\u{1F5A4}\u{1F970}\u{1F618}]/u;

/** The words the rules read: names, places and contact details replaced by placeholder words. */
function ruleWords(tokens: readonly Token[], labels: readonly NameLabel[], properNouns: readonly boolean[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (labels[i]) words.push(labels[i] === 'other' ? 'zzother' : 'zzown');
    else if (!properNouns[i]) words.push(tokens[i].word);
    else if (words[words.length - 1] !== 'zzplace') words.push('zzplace');
  }
  return words;
}

/**
 * The content policy (shared/spec/content-policy.md): screens the final text of a message against
 * its case. Deterministic, no I/O; one instance serves any number of messages and cases.
 */
export class ContentPolicy {
  private readonly config: PolicyConfig;

  constructor(config: Partial<PolicyConfig> = {}) {
    this.config = { ...DEFAULT_POLICY_CONFIG, ...config };
  }

  screen(message: Message): Verdict {
    const findings = this.findings(message);
    if (findings.length === 0) return { verdict: 'allow', reasons: [] };
    return { verdict: 'block', reasons: [...new Set(findings.map(reasonText))] };
  }

  /** Everything in the message that the policy does not allow, in the order found. */
  findings(message: Pick<Message, 'recipient' | 'participants' | 'subject' | 'body'>): Finding[] {
    const people = new CasePeople(message, this.config);
    const folded = foldText(message.subject ? `${message.subject}\n${message.body}` : message.body);
    const contact = screenContactDetails(folded, people);
    const tokens = tokenise(contact.masked, VOCABULARY);
    const properNouns = properNounMask(tokens);
    const names = findNames(tokens, people, properNouns);
    const findings: Finding[] = [
      ...names.named.map((p): Finding => ({ category: 'other-party-pii', detail: `names ${describe(p)}` })),
      ...contact.findings,
      ...findHomeStreets(tokens, people, properNouns),
      ...screenWords(ruleWords(tokens, names.labels, properNouns), people.recipientWorksWithPrisons),
    ];
    if (SUPPORT_EMOJI_RE.test(folded)) findings.push({ category: 'advice-or-pressure', detail: 'emoji of affection or encouragement' });
    return findings;
  }
}
