/**
 * What the policy knows about the service beyond a message's own case: its published numbers and
 * addresses, and which recipients are professionals to whom a prison is a venue.
 */
export interface PolicyConfig {
  /** The service's own lines (main line, duty phone), in any format libphonenumber reads for GB. */
  servicePhones: readonly string[];
  /** Mail domains of the service; an address there is the service's, whoever's name is on it. */
  serviceEmailDomains: readonly string[];
  /**
   * Recipients with these roles arrange or attend sessions inside prisons as professionals (the
   * person in custody is never messaged: their logistics go to the offender manager or the prison's
   * contact; an interpreter booked for an official visit must be told where to go), so naming the
   * establishment as the venue is logistics for them; release dates stay blocked for everyone.
   */
  prisonProfessionalRoles: readonly string[];
  /** Hosts a template's link slot may point at (a host or any of its subdomains). */
  linkDomains: readonly string[];
  /** The deployment's own public base URL: a link under it (same origin and path) passes the link slot too. */
  publicBaseUrl?: string;
  /**
   * Outside production only: a plain http link under `publicBaseUrl` passes when its host is
   * localhost or 127.0.0.1 (a local run); everywhere else a link must be https.
   */
  localHttpLinks?: boolean;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = {
  servicePhones: [],
  serviceEmailDomains: [],
  prisonProfessionalRoles: ['offender-manager', 'prison-contact', 'prison-staff', 'probation-officer', 'interpreter'],
  linkDomains: [],
};
