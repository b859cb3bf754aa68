/**
 * Keys that may hold personal data or secrets anywhere in a log object. Logs never carry them:
 * pino replaces the value before the line is written.
 */
const SENSITIVE_KEYS = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'mobile',
  'sms',
  'email',
  'address',
  'letterAddress',
  'postcode',
  'accessibilityNeeds',
  'dateOfBirth',
  'body',
  'text',
  'note',
  'notes',
  'to',
  'from',
  'password',
  'token',
  'secret',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'req.body',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];
