import { OFFENCE_WORDS } from './case-substance';
import { CategoryRules } from './pattern';

export const SENSITIVE_DATA: CategoryRules = {
  category: 'sensitive-data',
  patterns: [
    // the recipient's own part in the case, in plain words
    String.raw`(?:you were|you ve been|you have been|you had been|you got|you are|you re) {G2}(?:${OFFENCE_WORDS}|hurt|harmed|injured|threatened|targeted|victimised|victimized|the victim|a victim|convicted|charged|arrested|sentenced|cautioned|released|in prison|in custody|on licence|on probation|the offender)`,
    String.raw`(?:as|being) (?:the|a) (?:victim|offender|person harmed|person responsible|perpetrator)|(?:the|a) victim of`,
    String.raw`your (?:offence|offences|offense|offending|crime|crimes|conviction|convictions|sentence|charge|charges|arrest|victim status|attacker|offender|${OFFENCE_WORDS})|your case(?! (?:worker|workers|officer|coordinator|co ordinator|manager|number|reference|ref|id|handler|lead|team))`,
    String.raw`(?:the )?(?:person|man|woman|people|lad|boy|men|youths|young man|young woman|driver|one) who (?:harmed|hurt|attacked|assaulted|robbed|burgled|stole from|targeted|abused|threatened|hit|damaged|broke into|injured|wronged) you`,
    // health, of anyone
    String.raw`asthma|asthmatic|inhaler|heart attack|blood pressure|insulin|antidepressants|antidepressant|sleeping pills|painkillers|vulnerable|vulnerability|flagged (?:you|him|her|them)|your (?:probation officer|probation worker|yot worker|youth offending)|depression|depressed|anxiety|panic attack|panic attacks|ptsd|post traumatic|mental health|mental illness|medication|medicine|medicines|meds|prescription|prescribed|diagnosis|diagnosed|illness|unwell|cancer|hiv|diabetes|diabetic|epilepsy|epileptic|seizure|seizures|dementia|alzheimers|autism|autistic|adhd|learning disability|learning difficulties|schizophrenia|schizophrenic|bipolar|psychosis|psychiatric|psychiatrist|sectioned|self harm|selfharm|suicide|suicidal|overdose|pregnant|pregnancy|miscarriage|chemotherapy|hospital|hospitalised|hospitalized|intensive care|(?:heart|medical|health|lung|skin|chronic|serious|neurological|mental health|pre existing) condition|(?:his|her|their|zzother s|your) (?:disability|condition|illness|health|diagnosis|medical|treatment|recovery)`,
    String.raw`(?:has|have|with|got) (?:a |an )?(?:disability|learning disability|condition|illness|diagnosis|health condition|mental health condition)|in hospital|has form|got form`,
    String.raw`(?:do not|don t|not to|never) drink|sober|(?:his|her|their|your|zzother s) drinking|(?:alcohol|alcoholic|alcoholism)(?! free)(?<!no alcohol)|drinking problem|drink problem|drug|drugs|addiction|addicted|addict|rehab|methadone|detox|relapse|relapsed|sobriety|drug test|cannabis|heroin|cocaine`,
    // risk and restrictions
    String.raw`risk|risks|risky|mappa|dangerous|danger|violent|violence|volatile|aggressive|aggression|safeguarding|restraining order|non molestation|injunction|exclusion zone|protection order|bail|curfew|(?:tag|tags|tagged)(?! along)(?<!(?:name|price|luggage|gift|hash|dog|bag) tags?)|electronic monitoring|ankle monitor|licence conditions|on licence|licence recall|recalled to prison|recall to prison|probation order|on probation|supervision order|criminal behaviour order|asbo|sex offender|sex offenders|warning marker`,
    // court orders and the services that supervise them
    String.raw`youth rehabilitation order|yro|referral order|youth referral order|detention and training order|suspended sentence|community sentence|unpaid work|community payback|youth offending|yot|youth justice (?:service|team|worker|officer)`,
    String.raw`angina|arthritis|copd|emphysema|dialysis|stroke|parkinsons|parkinson s|multiple sclerosis|cerebral palsy|chronic pain|fibromyalgia|crohns|crohn s|colitis|hepatitis|epipen|walking frame|zimmer|(?:hip|knee|heart|back|eye|shoulder|cataract|bypass) (?:op|operation|surgery|replacement)|after (?:his|her|their|your|zzother s) (?:op|operation|surgery|stroke|fall|treatment)|(?:an|his|her|their|your) operation`,
    // criminal record, of anyone
    String.raw`criminal record|previous convictions|previous conviction|previous offences|prior convictions|record of offending|(?:his|her|their|your|zzother s) record|dbs check|ex offender|ex con|served time|served \d+ (?:years|months)|spent conviction|unspent|reoffend|reoffending|re offend|re offending|prison record|police record`,
  ],
};
