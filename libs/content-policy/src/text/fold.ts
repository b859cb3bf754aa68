/**
 * Folds text to what a reader sees, so that look-alike characters cannot smuggle a word past the
 * rules: compatibility forms (fullwidth, ligatures, mathematical letters) through NFKC, invisible
 * format characters removed, Cyrillic and Greek letters that look Latin mapped to it, and
 * diacritics stripped. Case is kept: names and place names are told apart by it.
 */

// Look-alikes that NFKC leaves alone, because they are letters of their own scripts.
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', ь: 'b',
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y',
  Х: 'X', Ѕ: 'S', І: 'I', Ї: 'I', Ј: 'J', Ԁ: 'D', Һ: 'H', Ӏ: 'I', Ԛ: 'Q', Ԝ: 'W',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', σ: 'o',
  ς: 's', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X',
  // Latin letters that do not decompose
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', œ: 'oe', Œ: 'OE',
  ð: 'd', þ: 'th',
  // Punctuation that varies by keyboard
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2014': '-', '\u2212': '-',
};

const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
// Format characters (zero-width space and joiners, bidi marks, soft hyphen, BOM).
const INVISIBLE_RE = /[\p{Cf}\u00ad\u034f\u115f\u1160\u3164]/gu;
const COMBINING_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

export function foldText(text: string): string {
  // Most traffic is plain ASCII: nothing to fold.
  if (!NON_ASCII_RE.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .replace(LOOK_ALIKE_RE, (ch) => LOOK_ALIKES[ch] ?? ch)
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .normalize('NFC');
}
