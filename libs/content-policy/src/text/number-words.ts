/**
 * Phone numbers spelt in words ("oh seven seven double oh...") turned back into digits, so the phone
 * rules see them. Only runs of six or more digit words are rewritten: "one or two" stays prose.
 */
const DIGITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', nil: '0', one: '1', two: '2', three: '3', four: '4',
  five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const REPEATS: Record<string, number> = { double: 2, triple: 3, treble: 3 };

const WORD = '(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|\\d{1,5})';
// Digit words and digits, separated by spaces, commas, dots or hyphens ("07700 900 two eight oh").
const RUN_RE = new RegExp(`\\b${WORD}(?:[\\s,.\\-]+${WORD}){2,}\\b`, 'gi');
// Letters for digits inside a number: "o77oo9oo261", "O7700 9OO 261".
const LOOKALIKE_RE = /(?<![\w@.])\+?[\doO](?:[ \-]?[\doOlI]){8,13}(?![\w@])/g;
const QUICK_RE = /\b(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double)\b/i;

function runToDigits(run: string): string | null {
  let out = '';
  let repeat = 1;
  let words = 0;
  for (const part of run.toLowerCase().split(/[\s,.\-]+/)) {
    if (part in REPEATS) {
      repeat = REPEATS[part];
      continue;
    }
    const digit = /^\d+$/.test(part) ? part : DIGITS[part];
    if (digit === undefined) return null;
    if (!/^\d+$/.test(part)) words++;
    out += digit.repeat(repeat);
    repeat = 1;
  }
  // A run of plain digits is left to the phone scanner as it is; "one or two" is prose.
  return words >= 3 && out.length >= 6 ? out : null;
}

function lookalikesToDigits(run: string): string {
  const digits = run.replace(/\D/g, '').length;
  return digits >= 5 && digits < run.replace(/[ \-]/g, '').length ? run.replace(/[oO]/g, '0').replace(/[lI]/g, '1') : run;
}

export function spelledDigitsToNumbers(text: string): string {
  const unmasked = /\d[oOlI]|[oOlI]\d/.test(text) ? text.replace(LOOKALIKE_RE, lookalikesToDigits) : text;
  if (!QUICK_RE.test(unmasked)) return unmasked;
  return unmasked.replace(RUN_RE, (run) => runToDigits(run) ?? run);
}
