import { memoise } from '../text/memoise';
/**
 * Given names and the short forms people use for them. Each line is one family: a name found in a
 * line stands for every name on it ("Katherine" is also "Kate", "Kath", "Katie"; "Kate" is also
 * "Katherine"). A name on two lines belongs to both ("Chris": Christopher and Christine).
 */
const FAMILIES = `
katherine catherine kathryn katharine kathleen kate kath kathy katie katy kat cath cathy kay kit kitty kathie
william will bill billy willie willy liam wills billie
margaret maggie meg megan peggy marge margie madge greta rita mags maisie daisy
elizabeth liz lizzie lizzy beth betty bess bessie eliza libby elsie betsy lisa liza
robert rob bob bobby robbie bert rab robin
roberta bobbie robyn
richard rich rick ricky dick richie
james jim jimmy jamie jimbo jas
john jack johnny jonny ian
jonathan jon jonny jonty
michael mike mick mickey micky mikey mikhail
thomas tom tommy thom
christopher chris kit topher kris
christine christina chris tina chrissie kristina kristine
anthony antony tony ant
andrew andy drew
alexander alex alec sandy xander lex sasha alasdair alistair ali
alexandra alex lexi sandra sandy sasha alexa
daniel dan danny
danielle dani
david dave davy davey dai dafydd
edward ed eddie ted teddy ned
edmund ed eddie ned
joseph joe joey jo
josephine jo josie
joanna joanne joan jo
samuel sam sammy
samantha sam sammy
benjamin ben benny benji
matthew matt matty
nicholas nick nicky nico
nicola nicole nicky nikki
patrick pat paddy
patricia pat patsy trish tricia tish
peter pete
stephen steven steve stevie
stephanie steph
timothy tim timmy
charles charlie chas chuck chaz
charlotte charlie lottie lotte
frederick fred freddie freddy
henry harry hal hank
harold harry hal
harriet hattie harry
jennifer jen jenny jenna
rebecca becky becca bex
victoria vicky vicki tori vic
deborah debbie deb debs
susan sue susie suzy
suzanne sue suzie
jessica jess jessie
amanda mandy
alison ali allie
alice ally allie
abigail abby abbie abi gail
eleanor ellie nell nellie nora elle
helen helena nell
dorothy dot dotty dottie
florence flo florrie
gillian gill jill gilly
jacqueline jackie jacqui
philip phillip phil pip
gerald gerry jerry
gerard gerry
geoffrey jeffrey geoff jeff
kenneth ken kenny
leonard len lenny leo
lawrence laurence larry laurie
ronald ron ronnie
donald don donny
douglas doug dougie
gregory greg
raymond ray
terence terry
vincent vince vinny
zachary zach zack zak
nathaniel nathan nate nat
natalie nat tally
oliver olly ollie oli
olivia liv livvy ollie
isabel isabella isobel izzy bella issy
gabriel gabe
gabriella gabrielle gabby gabi
francis fran frank frankie
frances fran frankie fanny
francesca fran frankie chesca
mary molly polly mae maria marie
sarah sally sadie sara
ann anne anna annie nan nancy
caroline carolyn carol carrie caz
louise louisa lou lulu
jacob jake jakey
joshua josh
luke lucas lukas
lucy lucinda lu
georgina georgie gina
george georgie
kimberly kimberley kim
kirsty kirsten kirstie
cameron cam
callum cal
theodore theo ted teddy
theresa teresa tess tessa terri
miriam mim mimi
penelope penny pen
rosemary rose rosie
rosalind ros roz
veronica ronnie vera
valerie val
wendy wend
winifred winnie
yvonne vonny
mohammed mohammad muhammad mohamed mohamad muhammed mo
ibrahim ibby
abdullah abdul
aleksander aleksandr olek olesh sasha
aleksandra ola ala
katarzyna kasia
malgorzata gosia
krzysztof krzys
tomasz tomek
wojciech wojtek
piotr piotrek
jozef jozek
olena lena olenka
oleksandr sasha sashko
siobhan shiv
sean shaun shawn
roisin rosheen
padraig patrick paddy
ioan ianto
gwenllian gwen
gwendolyn gwen
llewellyn llew
rhiannon rhi
sian shan
chukwuemeka emeka
oluwaseun seun
oluwaseyi seyi
oluwatobi tobi toby
babatunde tunde
adebayo bayo
ifeoma ify
nkechi kechi
temitope tope temi
olumide mide
`;

function families(): ReadonlyMap<string, readonly string[]> {
  const byName = new Map<string, Set<string>>();
  for (const line of FAMILIES.trim().split('\n')) {
    const names = line.trim().split(/\s+/);
    for (const name of names) {
      const set = byName.get(name) ?? new Set<string>();
      names.forEach((n) => set.add(n));
      byName.set(name, set);
    }
  }
  return new Map([...byName].map(([name, set]) => [name, [...set].filter((n) => n !== name)]));
}

const SHORT_FORMS = families();

const NONE: readonly string[] = [];

// The British "-o" of familiarity: Dean → Deano, Rob → Robbo, Jon → Jonno.
function familiarForms(given: string): string[] {
  if (given.length < 3 || /[aeiouy]$/.test(given) || !/^[a-z]+$/.test(given)) return [];
  const forms = [`${given}o`];
  if (given.length === 3) forms.push(`${given}${given[2]}o`);
  return forms;
}

/** The other names a person called `given` may be called by (lower case, without `given` itself). */
export const otherFormsOf = memoise((given: string): readonly string[] => {
  const familiar = familiarForms(given);
  const listed = SHORT_FORMS.get(given) ?? NONE;
  return familiar.length === 0 ? listed : [...listed, ...familiar.filter((f) => !listed.includes(f))];
});

/** May `word` be another form of a given name: one of the table's, or a familiar "-o"? */
export function hasOtherForms(word: string): boolean {
  return SHORT_FORMS.has(word) || (word.length >= 4 && word.endsWith('o'));
}
