import { RULE_WORDS } from '../lexicon';
import { SENTENCE_BREAK, tokenise } from './tokenise';
import { Vocabulary } from './vocabulary';

const vocabulary = new Vocabulary(RULE_WORDS);
const words = (text: string) => tokenise(text, vocabulary).map((t) => t.word);

describe('tokenise', () => {
  it('expands contractions and text-speak', () => {
    expect(words("He's said he won't come")).toEqual(['he', 's', 'said', 'he', 'will', 'not', 'come']);
    expect(words('she sed u r gr8')).toEqual(['she', 'said', 'you', 'are', 'great']);
  });

  it('puts a break between sentences but not after an abbreviation or inside a time', () => {
    expect(words('Meet Mr. Jones at 9.30am. Then tea')).toEqual(['meet', 'mr', 'jones', 'at', '9', '30am', SENTENCE_BREAK, 'then', 'tea']);
  });

  it('reads leetspeak as the keyword it spells, but not postcodes or times', () => {
    expect(words('the r0bb3ry and 4ss4ult')).toEqual(['the', 'robbery', 'and', 'assault']);
    expect(words('ME13 7AG at 6pm')).toEqual(['me13', '7ag', 'at', '6pm']);
  });

  it('joins letters spaced out, even where one is text-speak on its own', () => {
    expect(words('the a s s a u l t')).toEqual(['the', 'assault']);
    expect(words('r.o.b.b.e.r.y')).toEqual(['robbery']);
    expect(words('plan a or b')).toEqual(['plan', 'a', 'or', 'b']);
  });

  it('mends a keyword cut in two, but not two real words nor a word and an initial', () => {
    expect(words('the rob bery')).toEqual(['the', 'robbery']);
    expect(words('in jury service')).toEqual(['in', 'jury', 'service']);
    expect(words('Hi V, ok')).toEqual(['hi', 'v', 'ok']);
  });

  it('reads the first half of a postcode as written, not as leetspeak', () => {
    expect(words('York YO1 7QA')).toEqual(['york', 'yo1', '7qa']);
  });

  it('splits Welsh clitics', () => {
    expect(words("mae'r bachgen, chi'n dod i'ch")).toEqual(['mae', 'yr', 'bachgen', 'chi', 'yn', 'dod', 'i', 'eich']);
  });

  it('marks capitals, sentence starts and punctuation before a token', () => {
    const [hi, sarah, stop] = tokenise('Hi Sarah, STOP', vocabulary);
    expect([hi.capitalised, hi.sentenceStart]).toEqual([true, true]);
    expect([sarah.capitalised, sarah.sentenceStart, sarah.afterPunctuation]).toEqual([true, false, false]);
    expect([stop.capitalised, stop.afterPunctuation]).toEqual([false, true]);
  });
});
