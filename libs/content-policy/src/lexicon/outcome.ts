import { CategoryRules } from './pattern';

const UNDERTAKING = String.raw`(?:pay|repay|give|do|complete|write|send|work|volunteer|stay|keep|attend|fix|repair|replace|clean|compensate|apologise|apologize|make|return|buy|cover|contribute|donate|hand|carry|help out|paint|never|not)`;
const APOLOGY_VERBS = String.raw`(?:apologise|apologize|apologised|apologized|apologising|apologizing|apologises|apologizes)`;
// Our own apology for a change of plan is courtesy, not an outcome.
const COURTESY = String.raw`(?: (?:for|about) (?:the|any|this|our|my|a) (?:\w+ )?(?:inconvenience|notice|delay|delays|confusion|change|changes|mix up|disruption|trouble|wait|hassle|cancellation|error|mistake|late|reply|response|message|email|text))`;

const PAYMENT = String.raw`(?:pay|pays|paying|paid|repay|repays|repaying|repaid|payment|payments|instalment|instalments|installment|installments)`;

export const OUTCOME: CategoryRules = {
  category: 'outcome',
  patterns: [
    String.raw`outcome|outcomes|agreement|agreements|reparation|reparations|reparative|compensation|compensate|restitution|cytundeb|iawndal`,
    String.raw`(?:agreed|promised|committed|undertook|undertaken|pledged|offered|volunteered|signed up) to ${UNDERTAKING}`,
    String.raw`(?:what|everything|all|the things) (?:was|were|you|we|he|she|they|zzother|both of you|you both|everyone|had been|has been|have been) (?:have |had |ve |both )?agreed|as agreed (?:at|in|during) the (?:meeting|conference|session|circle)|agreed (?:actions|terms|plan|outcome|steps|conditions)|action plan|smart actions|actions agreed|(?:the|your|his|her|their) actions`,
    String.raw`promise|promised|promises|promising|kept (?:his|her|their|your) (?:promise|word|side|end)|keeping (?:his|her|their|your) (?:promise|word|side)|(?:his|her|their|your) side of the (?:deal|bargain|agreement)|the deal`,
    String.raw`${PAYMENT} (?:you |him |her |them |back |off |of |for |weekly |monthly |a week |each week )?(?:gbp|\d+ pounds|back|for the (?:damage|repairs|window|windows|door|car)|towards|compensation|the cost|in instalments)(?! (?:\d+ )?(?:for )?(?:parking|the car park|car park|a ticket|tickets|the bus|bus|taxi|the taxi|fare|fares|travel|entry|tea|coffee|lunch|expenses))(?<!(?:we|i|service) (?:will |ll |can |d |would |shall )?${PAYMENT}(?: [^ |]+){1,5})`,
    String.raw`(?:gbp|pounds) \d+ (?:a|per|each|every) (?:week|month|fortnight)|\d+ pounds (?:a|per|each|every) (?:week|month|fortnight)`,
    String.raw`paid for by (?:him|her|them|zzother|the)|(?:done|did|completed|finished|worked|doing) (?:all |the |his |her |their )?\d+ hours`,
    String.raw`(?:first|second|third|last|final|next|latest|weekly|monthly|another) (?:payment|instalment|installment|cheque|transfer)|(?:repaint|repainting|repainted|paint over|painting over|painted over|scrub|scrubbing|scrubbed) (?:the )?(?:bus shelter|shelter|wall|walls|fence|underpass|shutter|shutters|graffiti|garage door|van|car|shop front|bench|benches)|(?:new|replacement) (?:lock|locks|window|windows|door|fence|windscreen|bike|phone|tyres|glass) (?:for|has been|have been|was|were) (?:fitted|replaced|repaired|delivered|paid|her|his|your|their)|as part of (?:the|your|his|her|their) (?:plan|agreement|deal|contract|actions)|owes you|owe you|make (?:it|things) right|put (?:it|things) right|make up for|(?:you|both|he|she|they|zzother) (?:both |have |ve |has )?signed|the contract`,
    String.raw`towards (?:the )?(?:cost|costs|repairs|repair|damage|bill|replacement|new)`,
    String.raw`(?:car|window|door|fence|bike|van|shed|gate|wall|windscreen|phone|shop|roof|garden|property) (?:repairs|repair)|repairs to (?:your|his|her|their|the)(?! (?:hall|building|room|venue|centre|office|roof of the))`,
    String.raw`(?:make|made|making|makes) amends|(?:community|unpaid) (?:work|service|payback|hours)|\d+ hours (?:of|at|doing|helping|cleaning|volunteering|work|community|unpaid|on the)|(?:clean|cleaned|cleaning|cleans) (?:up|off) (?:the|his|her|their|your)|clean up|cleanup|(?:replace|replaced|replacing|fix|fixed|fixing|repair|repaired|repairing|pay for) (?:the|your|his|her|their) (?:window|windows|door|fence|car|bike|van|shed|gate|wall|windscreen|phone|roof|property|damage|garden|tyres|tires)`,
    // sums and work the agreement set: "£120 for the door is due by Friday", "5 of the 10 Saturdays"
    String.raw`gbp \d+(?: \d+)? (?:[^ |]+ ){0,4}(?:for|towards) (?:the |your |his |her |their |a |new |my )?(?:[^ |]+ )?(?:door|doors|window|windows|fence|car|damage|repairs?|kitchen|van|bike|phone|glass|windscreen|gate|shed|wall|roof|garden|tyres?|locks?|bill|shutters?|bag|laptop|tools|carpet|paintwork|signs?|bench|benches|mirror|tv|television)`,
    String.raw`gbp \d+(?: \d+)? (?:(?!(?:travel|expenses|refund|parking|taxi|fare|fares|bus|train|mileage|lunch|childcare|ticket|tickets) )[^ |]+ ){0,5}(?:is |are |was |were )?(?:due|owed|outstanding|overdue|in arrears|coming in|paid in full)`,
    String.raw`(?:first|second|third|last|final|next|another) gbp \d+|gbp \d+ of (?:the |your |his |her |their )?gbp \d+|(?:coming in|paid|paying|pays) (?:weekly|monthly|fortnightly)`,
    String.raw`(?:done|did|completed|finished|complete|do|doing|remaining|left|has) \d+ of (?:the |his |her |their |your )?\d+ (?:saturdays|sundays|weekends|days|hours|shifts|weeks|sessions)|\d+ of (?:the |his |her |their |your )?\d+ (?:saturdays|sundays|weekends|hours|shifts)|\d+ (?:saturdays|sundays|weekends|days|hours|shifts|mornings|afternoons|evenings) (?:of )?(?:washing|cleaning|gardening|painting|litter|picking|volunteering|unpaid|community|work|working|helping|repairing|fixing|digging|weeding|tidying)`,
    String.raw`(?:apology )?letter (?:to|for) (?:the |your |his |her |their )?[^ |]+(?: [^ |]+)? (?:needs to|is due|must|should) (?:be )?(?:with me|in|done|written|finished|sent|ready|handed in)`,
    String.raw`(?:return|returned|returning|give back|gave back|given back|hand back|handed back) (?:the|your|his|her) (?:items|property|phone|bike|bag|money|belongings|stolen)`,
    String.raw`(?:stay|keep|keeps|staying|keeping) away from|(?:not|never) (?:to )?(?:contact|approach) (?:you|him|her|them|zzother|zzown|your)|(?:go|come|been|going|coming|goes|comes) near (?:you|your|the shop|the house|him|her|zzown)|no contact|contact arrangements`,
    String.raw`(?:(?:written|letter of|an|his|her|their|a|the|formal|verbal|sincere|full) apology|apology (?:from|to you|letter)|apologies (?:from|to you)|(?:say|said|saying|says) sorry|${APOLOGY_VERBS})(?!${COURTESY})`,
  ],
};
