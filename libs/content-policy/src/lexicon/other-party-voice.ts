import { CategoryRules } from './pattern';

/** What someone said, felt, wanted or decided. */
const SAID = String.raw`(?:agree|said|says|saying|told|tells|telling|asked|asks|asking|wants|wanted|want|wanting|would like|d like|would rather|d rather|would prefer|d prefer|prefers|preferred|like to (?:meet|see|talk|speak|know|hear|say|apologise|apologize|explain|ask|write|thank)|wishes|wished|hopes|hoped|hoping|feels|felt|feeling|thinks|thought|believes|believed|agreed|agrees|accepted|accepts|declined|declines|refused|refuses|withdrew|withdrawn|withdraws|pulled out|backed out|stepped back|stepped away|dropped out|opted out|backed away|apologised|apologized|apologises|apologizes|apologising|apologizing|replied|replies|responded|responds|answered|answers|wrote|written|writes|got back|come back to|came back to|mentioned|mentions|explained|explains|admitted|admits|regrets|regretted|forgave|forgives|forgiven|understands|understood|remembers|remembered|realises|realised|realizes|realized|denies|denied|blames|blamed|insists|insisted|claims|claimed|chose|chosen|decided|changed (?:his|her|their) mind|sends|sent (?:you|his|her|their|a|an|back)|passed on|shared|opened up|cried|thanks|thanked|appreciates|appreciated|forgiveness|has questions|has a question|has a message|had a message)`;

/** How someone stands towards meeting. */
const STANCE = String.raw`(?:embarrassed|mortified|gutted|happy for|content to|content with|not happy|unhappy|willing|unwilling|ready to|keen|ok with|okay with|fine with|alright with|comfortable with|up for|on board with|happy to|glad|sorry|grateful|thankful|nervous|anxious|worried|upset|scared|frightened|angry|furious|relieved|ashamed|devastated|remorseful|open to|prepared to|interested in|looking forward|pleased|delighted|thrilled|touched|moved by|overwhelmed|disappointed|hurt by|happy with|unsure|not sure|considering|thinking about|thinking of|going ahead|pulling out|withdrawing|taking part|on board|up for it|in two minds|reluctant|hesitant|determined|desperate)`;

/** Someone has read the recipient's letter: said by the facilitator ("I have read") it is no news of the other party. */
const READ_YOURS = String.raw`(?:has|have|had) (?:now |already |just )?(?:read|received|opened|seen|listened to|watched) your (?:letter|message|questions|recording|video|card|note|apology)`;

export const OTHER_PARTY_VOICE: CategoryRules = {
  category: 'other-party-voice',
  patterns: [
    String.raw`{REF} {AUX}${SAID}`,
    String.raw`{REF} {AUX}(?:got |get |gets |getting |became |become |becomes |seemed |seems |looked |looks |sounded |sounds )?(?:not |no longer |really |very |much |so |truly |quite |more than |also |definitely |genuinely |feeling |feels |felt )*${STANCE}`,
    String.raw`(?:no longer|not|do not|does not|did not|never) (?:wants?|wish|wishes|feels? ready|willing|interested) to (?:meet|go ahead|take part|continue|carry on|proceed|see|hear|talk|speak|be involved|engage|respond|reply)`,
    String.raw`asked (?:whether|if) you (?:would|d|might|could|are|re|will|ll|have|ve) (?:meet|be willing|be happy|like|consider|agree|write|answer|see|accept|forgive|talk|speak)|asked (?:me|us) to (?:ask|tell|pass|let|say|check|give|send|share|find out)|(?:wanted|wants|would like) (?:me|us|you) to (?:know|hear|understand|tell|pass)`,
    String.raw`(?:letter|message|reply|response|answer|answers|card|note|apology|recording|video|voice note|questions|words) (?:back )?(?:from|for you from) {REF}`,
    String.raw`(?:his|her|their|zzother s) (?:letter|reply|response|answer|answers|message|apology|words|views|feelings|wishes|questions|account|side|version|decision|thoughts|perspective|story|response)`,
    String.raw`(?:replied|responded|written back|wrote back|answered|responded) (?:to )?your (?:letter|message|questions|question|note|card|recording)|(?:in )?(?:reply|response|answer|answers) to your (?:letter|message|questions|question|note|card)`,
    String.raw`your (?:letter|message|questions|recording|card|note|video) (?:has|have|was|were) (?:been )?(?:read|received|passed|given|delivered|shared|opened|answered|well received|welcomed|appreciated)`,
    String.raw`(?:gave|given|passed|handed|sent|read|showed|shown|shared|delivered) (?:him|her|them|zzother(?: zzother)*) your (?:letter|message|questions|recording|card|note|video)`,
    String.raw`{REF} {AUX}(?:read|received|got|opened|listened to|watched|seen) your (?:letter|message|questions|recording|video|card|note|apology)`,
    String.raw`(?:i|we) (?:have |had |ve |d )?(?:spoke|spoken|talked|chatted) (?:to|with) (?:him|her|zzother(?: zzother)*)`,
    String.raw`(?:both of you|you both|both parties|both sides|the two of you|everyone) (?:have |has |ve )?(?:agreed|said|want|wants|feel|asked|are willing|are happy|are ready)`,
    String.raw`{REFP} {AUX}(?:confirmed|confirms|is coming|s coming|is attending|s attending|will attend|agreed to (?:meet|come|attend))`,
    String.raw`(?:heard|hear|got|had) back from {REF}|(?:rang|called|phoned|texted|wrote|emailed|got in touch) to say`,
    String.raw`passed (?:on )?your (?:letter|message|questions|recording|card|note|video)`,
    String.raw`${READ_YOURS}(?<!(?:i|we) ${READ_YOURS})`,
    String.raw`how (?:he|she|they|zzother) (?:might |must |would |may |could )?(?:have )?(?:felt|feel|feels)`,
    String.raw`(?:the|his|her|their) (?:response|reply|answer|feedback|decision) (?:was|has been|is|came back) (?:positive|negative|good|a yes|a no|no|yes)|(?:come|came) back (?:to me |to us )?with (?:a yes|a no|an answer|some questions|questions)|(?:some |a few |more )?questions for you`,
    String.raw`sends (?:his|her|their) (?:regards|thanks|apologies|love|best|best wishes)|in (?:his|her|their) (?:own )?words`,
    String.raw`{REF} {AUX}(?:recorded|made|prepared|written|wrote|put together) (?:a |an |some )?(?:short |little |brief )?(?:video |voice |audio )?(?:message|letter|note|card|recording|statement|apology|video)|{REFP} s (?:letter|reply|response|answer|message|apology|decision|views|questions|video|card)`,
    String.raw`{REFP} {AUX}(?:can not|cannot|could not|is unable to|s unable to|is not able to|s not able to|will not be able to|won t be able to) (?:do|make|come|attend|manage)|{REFP} {AUX}(?:not |still |yet )*(?:ready|needs? (?:a bit |a little |some )?more time|wants? (?:a bit |a little |some )?more time|asked for (?:a bit |a little |some )?more time)|(?:talked|spoke|spoken|talking|speaking|asked|asking) about you|(?:a|the|his|her|their) (?:reply|response|letter|answer) (?:has )?(?:came|come|arrived|is here)|written (?:something|a letter|a note|a card|a few words|a poem) for you|change of heart|cold feet|second thoughts|(?:both of them|the two of them|all of them|everyone s|everybody s|everybody) (?:have |has |had )?(?:now |all |both )?(?:agreed|said|confirmed|want|wants|feel|asked|are willing|are happy|are ready)`,
    // Welsh
    String.raw`(?:dywedodd|meddai) (?:e|hi|nhw|ef|o)|(?:mae|roedd|bydd) (?:e|hi|o|nhw|ef) (?:eisiau|isio|yn dweud|wedi dweud|wedi cytuno|wedi ysgrifennu|yn flin|yn barod|yn fodlon)|ymddiheuro i chi`,
  ],
};
