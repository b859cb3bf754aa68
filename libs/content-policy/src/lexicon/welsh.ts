import { CategoryRules } from './pattern';

/**
 * Welsh. Words change their first consonant after certain words (mutations: "poeni" is "phoeni"
 * after "â", "carchar" is "ngharchar" after "yng"), so each Welsh keyword is matched in all its
 * forms. Clitics are split by the tokeniser ("mae'r" → "mae yr", "chi'n" → "chi yn").
 */
const MUTATIONS: readonly [string, readonly string[]][] = [
  ['ll', ['l']],
  ['rh', ['r']],
  ['p', ['b', 'mh', 'ph']],
  ['t', ['d', 'nh', 'th']],
  ['c', ['g', 'ngh', 'ch']],
  ['b', ['f', 'm']],
  ['d', ['dd', 'n']],
  ['g', ['', 'ng']],
  ['m', ['f']],
];

/** A Welsh word in its radical and mutated forms, as one alternation. */
export function mutated(word: string): string {
  for (const [radical, forms] of MUTATIONS) {
    if (word.startsWith(radical)) return `(?:${[word, ...forms.map((f) => f + word.slice(radical.length))].join('|')})`;
  }
  return word;
}

const cy = (...words: string[]) => `(?:${words.map(mutated).join('|')})`;

/** A third person in Welsh: a pronoun, "the boy", "his mother"... */
const WREF = String.raw`(?:e|o|hi|nhw|ef|fe|fo|(?:y|yr) (?:${cy('bachgen', 'dyn', 'dynes', 'menyw', 'merch', 'llanc', 'hogyn', 'hogan', 'troseddwr', 'dioddefwr', 'teulu')})|(?:ei|eu) (?:${cy('mam', 'tad', 'brawd', 'chwaer', 'gwraig', 'gwr', 'partner', 'teulu', 'nain', 'taid', 'mam-gu', 'tad-cu')}))`;

export const WELSH: readonly CategoryRules[] = [
  {
    category: 'other-party-voice',
    patterns: [
      String.raw`(?:mae|roedd|bydd|mi|fe) ${WREF} (?:wedi |yn |n )?${cy('dweud', 'deud', 'ysgrifennu', 'sgwennu', 'gofyn', 'cytuno', 'gwrthod', 'ymddiheuro', 'difaru', 'edifar', 'teimlo', 'eisiau', 'isio', 'moyn', 'edrych ymlaen', 'barod', 'bodlon', 'blin', 'diolchgar', 'penderfynu')}`,
      String.raw`hoffai ${WREF}|hoffen nhw`,
      String.raw`(?:ei|eu) bod (?:e|o|hi|nhw) (?:yn )?${cy('difaru', 'edifar', 'blin', 'eisiau', 'isio', 'barod', 'bodlon', 'ymddiheuro')}`,
    ],
  },
  {
    category: 'case-substance',
    patterns: [
      cy('difrod', 'difrodi', 'dwyn', 'lladrata', 'ymosod', 'anafu', 'anafwyd', 'fandaliaeth', 'graffiti'),
      String.raw`tan bwriadol|llosgi bwriadol|eich achos(?! (?:rhif|cyfeirnod))`,
      String.raw`(?:y|yr) noson (?:pan|y|honno)|beth ${cy('digwyddodd')}|yr hyn a ${cy('digwyddodd')}`,
      // the next session's subject, unless it is the arrangements
      String.raw`(?:byddwn|fyddwn|gallwn|hoffwn|rydyn|dyn) (?:ni )?(?:yn )?${cy('trafod', 'siarad am', 'edrych ar', 'mynd drwy', 'mynd trwy')}(?! (?:y |yr )?${cy('trefniadau', 'dyddiad', 'dyddiadau', 'amser', 'amseroedd', 'ystafell', 'lleoliad', 'teithio', 'parcio', 'ffurflen', 'ffurflenni')})`,
    ],
  },
  {
    category: 'outcome',
    patterns: [String.raw`wedi ${cy('addo')}|${cy('addo')} (?:talu|gwneud|trwsio|prynu)`, String.raw`fel y ${cy('cytunwyd')}(?! (?:ar y ffon|dros y ffon|ar ebost|ar e bost))|${cy('talu')} (?:yr |y )?gbp`],
  },
  {
    category: 'advice-or-pressure',
    patterns: [
      String.raw`(?:peidiwch|paid) (?:a |ag )?${cy('poeni', 'gofidio', 'becso', 'pryderu')}|bydd popeth (?:yn )?iawn|(?:byddwch|byddi) (?:chi |di )?(?:yn )?iawn`,
      cy('dewr', 'siomi', 'dibynnu arnoch', 'dibynnu arnat'),
      String.raw`byd o les|${cy('annog')}|anogwch|dim angen (?:${cy('poeni')}|${cy('pryderu')}|${cy('becso')}|${cy('gofidio')})|(?:mi |fe )?fyddi di (?:yn )?iawn|help mawr i (?:ti|chi)|dwi (?:wir )?yn meddwl|bydd (?:o|e|hi) yn help|(?:cau|gau) pen y mwdwl|plis dewch|(?:eich|dy) llais (?:chi |di )?yn bwysig|werth rhoi cynnig|rhoi cynnig arni|(?:peidiwch|paid) (?:a |ag )?${cy('tynnu', 'rhoi', 'canslo')}`,
      String.raw`${cy('gwneud')} (?:mor |yn )?dda|help mawr i bawb|petaech chi (?:yn )?dod|er dy les|er eich lles`,
    ],
  },
  {
    category: 'other-party-pii',
    patterns: [String.raw`(?:mae|roedd|bydd) ${WREF} (?:yn )?${cy('byw', 'aros', 'gweithio')}`],
  },
];
