export { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, TWILIO_MAGIC_NUMBER_FAULTS, TwilioStandIn } from './twilio-stand-in';
export type {
  CallbackAttempt,
  CreateRequest,
  InboundResult,
  InboundSms,
  MessageStatus,
  StandInMessage,
  StatusDelaysMs,
  TwilioFault,
  TwilioStandInOptions,
} from './twilio-stand-in';
export { SmtpCatcher } from './smtp-catcher';
export type { CaughtAttachment, CaughtCalendar, CaughtMail, SmtpCatcherOptions, SmtpFault } from './smtp-catcher';
