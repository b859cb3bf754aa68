import { CategoryRules } from './pattern';
import { mutated } from './welsh';

// Establishments known by their own name rather than their town's ("he's at Feltham", "a video
// link from Armley"); names that are also towns, districts or words are left out.
const ESTABLISHMENTS = String.raw`feltham|armley|strangeways|belmarsh|pentonville|wormwood scrubs|altcourse|risley|wymott|hewell|swaleside|elmley|whitemoor|frankland|full sutton|long lartin|woodhill|bronzefield|forest bank|eastwood park|low newton|deerbolt|cookham wood|thorn cross|askham grange|drake hall|foston hall|high down|littlehey|lowdham grange|rye hill|haverigg|buckley hall|guys marsh|channings wood|erlestoke|leyhill|bullingdon|grendon|huntercombe|prescoed|dovegate|stocken|wealstun|everthorpe|lindholme|brinsford|swinfen hall|parc prison|carchar (?:y|yr) parc|wetherby yoi`;

/**
 * Prisons: where someone in the case is held. A professional who arranges the visit (the offender
 * manager, the prison's contact) may be told the venue; nobody else. See PolicyConfig.
 */
export const PRISONS: CategoryRules = {
  category: 'other-party-pii',
  patterns: [
    String.raw`hmp|hmyoi|yoi|hm prison|her majesty s prison|his majesty s prison|prison|prisons|jail|gaol|custody|custodial|remand|remanded|inmate|prisoner|prisoners|behind bars|locked up|banged up|(?:category|cat) [abcd]|open prison|secure unit|secure hospital|secure training centre|young offender institution|young offenders institution|official visits?|legal visit|legal visits|visits hall|visiting hall|visiting order|prison visit|${mutated('carchar')}|${mutated('carcharor')}|${ESTABLISHMENTS}`,
  ],
};

/** Release and movements of someone in custody, and where anyone in the case lives: blocked for everyone. */
export const WHEREABOUTS: CategoryRules = {
  category: 'other-party-pii',
  patterns: [
    String.raw`(?:after|on|upon|before|until|since|pending|following) (?:his |her |their )?release|{PERSON} {AUX}(?:not )?(?:get |gets |getting |come |comes )?out (?:in|by|before|after|around|next|soon|early|later|for good)|hostel|approved premises|release date|released|(?:his|her|their|your|early|temporary|day|zzother s) release|release (?:on|in|from|next|soon|early|date)|due out|gets out|getting out|get out (?:of|on|in|next)|comes out (?:of|on|in|next)|out of (?:prison|jail|custody)|parole|paroled|home detention curfew|hdc|rotl|(?:transferred|moved|sent) to (?:hmp|another prison|a different prison|a new prison|another establishment|an open prison|open conditions)|discharge date|rhyddhau`,
    String.raw`{REF} {AUX}(?:lives|live|living|lived|moved|moving|staying|stays|resides|residing|rehoused|relocated|housed)(?! (?:stream|streamed|link))`,
    String.raw`{REFP} {AUX}(?:working|works|worked|employed|studying|studies) (?:at|in|for|near)|{REFP} {AUX}(?:back in the area|in the area|nearby|local|at college|at school|at university)`,
    String.raw`where {REF} {AUX}(?:lives|live|living|lived|staying|stays|works|work|working|held|being held|is held|goes|hangs out|drinks)`,
    String.raw`{PERSON} {AUX}on (?:instagram|insta|facebook|fb|tiktok|snapchat|snap|twitter|whatsapp|linkedin)|(?:his|her|their|zzother s) (?:new )?(?:instagram|insta|facebook|tiktok|snapchat|twitter|handle|profile|socials)|{PERSON} {AUX}(?:drives|driving|drove|owns|has got|got) (?:a|an) (?:[^ |]+ ){0,2}(?:car|van|motorbike|corsa|fiesta|golf|astra|focus|polo|transit|scooter|truck|lorry|4x4|suv|bmw|audi|mercedes|ford|vauxhall)`,
    String.raw`{REF} {AUX}(?:not )?(?:coming|come|comes|travelling|traveling|driving) (?:over |down |up |in |across )?from|{PERSON} {AUX}on (?:nights|days|lates|earlies|shifts|the (?:late|early|night|day) shift)|(?:late|early|night) shift at|{REFP} {AUX}(?:not )?work (?:at|in|for|near)`,
    String.raw`(?:came|come|comes|moved) over from|second language|first language is|english is (?:not )?(?:his|her|their)|interpreter for (?:the other (?:side|party|person)|him|her|them|zzother)|{PERSON} {AUX}(?:goes|go|going) to (?:friday prayers|prayers|(?:the )?(?:mosque|church|synagogue|temple|gurdwara|mass))|(?:friday|sunday) prayers`,
    // Their phone or email itself is caught by the number and address rules: "her number" alone is
    // as often a facilitator's.
    String.raw`(?:his|her|their|zzother s) (?:address|home address|home|house|flat|street|road|estate|area|neighbourhood|neighborhood|whereabouts|location|workplace|school|college|town|village|new address|postcode)(?<!your (?:mum|mother|nan|gran|grandmother|sister|aunt|auntie|daughter|wife|partner|girlfriend|carer|dad|father|grandad|grandfather|brother|son|husband|boyfriend|uncle) (?:at |in |to |from |round |near )?(?:his|her|their) (?:house|home|flat|place|address))`,
    String.raw`(?:round|around|near|close to|next to|opposite) (?:his|her|their|zzother s) (?:place|home|house|flat)|(?:lives|living) (?:nearby|round the corner|around the corner|near you|close to you|next door)`,
  ],
};
