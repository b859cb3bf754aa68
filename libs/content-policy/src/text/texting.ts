/** Text-speak and unpunctuated contractions, read as the words they stand for. */
export const TEXTING: Readonly<Record<string, string>> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', urs: 'yours', yr: 'your', youre: 'you are', ure: 'you are',
  youve: 'you have', youll: 'you will', youd: 'you would', r: 'are', n: 'and', '&': 'and',
  wud: 'would', wd: 'would', cud: 'could', shud: 'should', shd: 'should',
  sed: 'said', sez: 'says', sayz: 'says', tol: 'told', tolt: 'told',
  wot: 'what', wat: 'what', wt: 'what', wen: 'when', wer: 'where', bcos: 'because', bcoz: 'because', coz: 'because',
  cos: 'because', cuz: 'because', b4: 'before', '2day': 'today', '2moro': 'tomorrow', '2morrow': 'tomorrow',
  tmrw: 'tomorrow', tmw: 'tomorrow', tmr: 'tomorrow', pls: 'please', plz: 'please', thx: 'thanks',
  thnx: 'thanks', tx: 'thanks', gonna: 'going to', wanna: 'want to', wants2: 'wants to', gotta: 'got to',
  luv: 'love', msg: 'message', txt: 'text', ppl: 'people', abt: 'about', bout: 'about', wiv: 'with',
  w: 'with', wid: 'with', hes: 'he s', shes: 'she s', theyre: 'they are', theyve: 'they have',
  dont: 'do not', didnt: 'did not', doesnt: 'does not', isnt: 'is not', wasnt: 'was not', wont: 'will not',
  cant: 'can not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not', hasnt: 'has not',
  havent: 'have not', im: 'i am', ive: 'i have', weve: 'we have',
  gr8: 'great', m8: 'mate', '4give': 'forgive', '4gave': 'forgave', '4given': 'forgiven', sorri: 'sorry', soz: 'sorry',
  '@': 'at',
};

// Welsh clitics: "mae'r" (mae yr), "chi'n" (chi yn), "i'ch" (i eich), "a'i" (a ei).
const WELSH_CLITICS: Readonly<Record<string, string>> = { "'r": 'yr', "'n": 'yn', "'ch": 'eich', "'i": 'ei', "'w": 'ei' };
const WELSH_CLITIC_RE = /^(.+?)('r|'n|'ch|'i|'w)$/;

/** Endings of English contractions and Welsh clitics, expanded so the rules see whole words. */
export function expandContraction(word: string): string {
  const m = /^(.*?)(n't|'s|'ve|'ll|'re|'d|'m)$/.exec(word);
  if (!m) {
    const welsh = WELSH_CLITIC_RE.exec(word);
    if (welsh) return `${welsh[1].replace(/'/g, '')} ${WELSH_CLITICS[welsh[2]]}`;
    return word.replace(/'/g, '');
  }
  const [, stem, ending] = m;
  switch (ending) {
    case "n't":
      if (stem === 'wo') return 'will not';
      if (stem === 'ca') return 'can not';
      if (stem === 'sha') return 'shall not';
      return `${stem} not`;
    case "'s":
      return `${stem} s`;
    case "'ve":
      return `${stem} have`;
    case "'ll":
      return `${stem} will`;
    case "'re":
      return `${stem} are`;
    case "'d":
      return `${stem} would`;
    default:
      return `${stem} am`;
  }
}
