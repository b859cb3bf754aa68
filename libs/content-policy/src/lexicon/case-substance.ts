import { CategoryRules } from './pattern';

/** Offences and what was done, as nouns and verbs (shared with the recipient's own status in sensitive-data). */
export const OFFENCE_WORDS = String.raw`(?:assault|assaults|assaulted|assaulting|attack|attacks|attacked|attacking|attacker|robbery|robberies|robbed|robber|robbers|mugged|mugging|mugger|snatched|snatching|burglary|burglaries|burgled|burglar|burglars|burgling|theft|thefts|thief|thieves|stole|stolen|steal|stealing|steals|shoplifting|shoplifted|fraud|scam|scammed|vandalism|vandalised|vandalized|vandal|vandals|graffiti|arson|arsonist|stabbed|stabbing|stab|knife|knives|knifepoint|weapon|weapons|gun|punched|punch|punches|punching|kicked|kicking|headbutted|slapped|strangled|beaten|beating|beat up|assaulting|harassment|harassed|harassing|stalking|stalked|abuse|abused|abusive|abuser|rape|raped|sexual|indecent|murder|murdered|manslaughter|killed|killing|intimidation|intimidated|trespass|trespassing|smashed|smashing|joyriding|carjacking|hate crime|racist|racially|homophobic|transphobic|fight|fights|fighting|brawl|scuffle|altercation|punch up|affray|criminal damage|break in|break ins|breakin|breakins|broke in|broke into|broken into|breaking into|drink driving|drunk driving|dangerous driving|careless driving|hit and run|set alight|set fire|arson attack)`;

/** Injuries and harm. */
const HARM_WORDS = String.raw`(?:harm|harmed|harmful|harming|hurt|hurting|injury|injuries|injured|injuring|wound|wounds|wounded|bruise|bruises|bruised|bruising|scar|scars|scarred|concussion|stitches|fracture|fractured|black eye|broken (?:nose|arm|jaw|wrist|ribs|rib|leg|bones|bone|tooth|teeth|cheekbone|finger|hand|window|windows|door|windscreen)|cuts (?:to|on) (?:your|his|her|their|the) \w+|cuts and bruises|trauma|traumatic|traumatised|traumatized)`;

/** The justice process. */
const JUSTICE_WORDS = String.raw`(?:evidence(?! of (?:your )?(?:identity|address|id|name|age|residence|income))|witness|witnesses|witnessed|cctv|footage|forensic|forensics|testimony|(?:statement|statements)(?<!(?:bank|utility|council tax|benefit|benefits|tax|card|account|mortgage|pension) statements?)|police(?! station)|policeman|policewoman|arrest|arrested|arresting|charges(?! (?:apply|gbp|\d|per|for parking|may apply|for the car park))(?<!(?:park|parking|no|any|extra|small|service|bank|booking|admin|late|cancellation|hire) charges)|charged (?:with|for|over|after)|(?:been|was|were|got|be|being) charged|(?:criminal|assault|theft|burglary|robbery|the|his|her|their|a) charge(?! (?:your|for|of|is|applies|to|at))|conviction|convictions|convicted|guilty|not guilty|plea|pleaded|pleading|plead|prosecution|prosecuted|prosecute|prosecutor|cps|court|courts|magistrates|magistrate|crown court|judge|jury|trial|hearing(?! (?:loop|loops|aid|aids|impaired|impairment|difficulties|difficulty|support))|sentence|sentenced|sentencing|custodial sentence|suspended sentence|community order|bail hearing|verdict|acquitted|solicitor s letter|case file|case files|court case|criminal case|case against|investigation|investigating officer|detective|officer in the case)`;

export const CASE_SUBSTANCE: CategoryRules = {
  category: 'case-substance',
  patterns: [
    OFFENCE_WORDS,
    HARM_WORDS,
    JUSTICE_WORDS,
    String.raw`(?:offence|offences|offense|offenses|offending|offended|crime|crimes|criminal|incident|incidents|victim(?! (?:support|liaison|services|service|s code|code|care|hub|and witness|information))|offender(?! (?:manager|managers|management|supervisor))|perpetrator|perpetrators|suspect|suspects|accused|defendant|complainant|culprit)`,
    String.raw`person (?:harmed|responsible)|harmed party|responsible party`,
    String.raw`what (?:happened|went on|went wrong|occurred|took place|you did|he did|she did|they did|zzother did|was done|had happened|has happened)`,
    String.raw`the night (?:of|when|it|that|you|he|she|they|in|at|outside)|that night|on the night|(?:the day|the night|the time|the moment|when) (?:it|this|that) happened|it happened|the events|what you went through`,
    String.raw`the damage|damage to (?:your|his|her|their|the)(?<!(?:water|flood|storm|fire) damage to \w+)|damaged (?:your|his|her|their|the)`,
    String.raw`(?:the|a|house|car|on) fire(?! (?:alarm|alarms|exit|exits|drill|drills|door|doors|station|safety|evacuation|assembly|escape|brigade|service|extinguisher|extinguishers|marshal|marshals|procedures|procedure|point))|alight`,
    String.raw`(?:the|an|your|his|her|their|that) (?:accident|crash|collision)|died|death|passed away|funeral|bereavement|bereaved`,
    String.raw`(?:photos|photographs|pictures|footage|video|videos|recording|recordings) of (?:the|your|his|her|their) (?:car|house|home|shop|injuries|face|damage|window|windows|door|van|bike|garden|property|bruises|wounds)|why you did (?:it|that|this)|what you did|(?:who|those|people|everyone) (?:was |were )?affected|(?:affected|impacted) you|impact (?:on|of) (?:you|your|the|him|her|them|it)|impact statement|(?:harm|hurt|damage|distress|upset) (?:caused|done)|what (?:he|she|they|zzother) did to you|the night in question|officer in charge|police interview|crime reference|known to (?:the )?police`,
    String.raw`(?:window|windows|door|doors|car|fence|windscreen|glass|things|property|belongings|stuff|shutter|van|bike) (?:you|he|she|they|zzother) (?:broke|smashed|damaged|took|stole|wrecked|trashed|set fire to)|(?:broke|smashed|damaged|wrecked|trashed|vandalised|kicked in) (?:the|his|her|their|your|a|two|three|some) (?:\w+ )?(?:window|windows|door|doors|windscreen|car|fence|shutter|van|bike|shed|glass)`,
    String.raw`(?:took|snatched|nicked|pinched|grabbed) (?:your|her|his|their|the|a) (?:phone|bag|handbag|wallet|purse|bike|car|van|money|cash|keys|watch|laptop|jewellery|ring|card|cards|parcel|parcels|tools|scooter)|(?:took|snatched) (?:it|them) from`,
    String.raw`(?:hit|punched|kicked|pushed|shoved|grabbed|threatened|threatening|threats|spat at|spat on) (?:you|him|her|them|me|zzother|zzown)`,
    String.raw`(?:was|were|got|been|being) (?:hit|pushed|grabbed|followed|threatened|targeted|victimised|victimized)`,
    // Welsh
    String.raw`(?:trosedd|troseddau|troseddwr|troseddwyr|dioddefwr|dioddefwyr|ymosodiad|ymosododd|lladrad|byrgleriaeth|anaf|anafiadau|niwed|tystiolaeth|heddlu|llys ynadon|llys y goron|dedfryd|euog)`,
  ],
};
