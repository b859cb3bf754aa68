import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';

/**
 * Settings of the scheduling service, validated at boot. The chain rules between a case's
 * sessions live here, in one place, so each service can set its own.
 */
export class SchedulingConfig {
  /** A tentative hold lapses after this many minutes unless confirmed. */
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  HOLD_MINUTES: number = 15;

  /** A conference starts at least this many hours after both parties' last preparation ends. */
  @IsInt()
  @Min(0)
  CONFERENCE_AFTER_PREPARATION_MIN_HOURS: number = 24;

  /** A follow-up starts between these many days after the conference ends. */
  @IsInt()
  @Min(0)
  FOLLOW_UP_MIN_DAYS: number = 2;

  @IsInt()
  @Min(1)
  FOLLOW_UP_MAX_DAYS: number = 7;

  /** Minutes kept between the two sides at one venue, so the parties never meet by chance. */
  @IsInt()
  @Min(0)
  SEPARATION_MINUTES: number = 30;

  /** Travel between two in-person venues, for a person with sessions at both. */
  @IsInt()
  @Min(0)
  DEFAULT_TRAVEL_MINUTES: number = 30;

  /** How far ahead suggestions look. */
  @IsInt()
  @Min(1)
  @Max(365)
  SUGGESTION_HORIZON_DAYS: number = 42;

  /** How far ahead a calendar file's busy time is imported. */
  @IsInt()
  @Min(1)
  @Max(365)
  CALENDAR_IMPORT_DAYS: number = 90;

  /** An availability poll closes after this many days. */
  @IsInt()
  @Min(1)
  @Max(60)
  POLL_DAYS: number = 7;

  /** Where participants reach this service's public pages: their poll links start with it. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://convene.example.org' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Calendar days for daily limits and the wording of explanations. */
  @IsString()
  SCHEDULING_TIME_ZONE = 'Europe/London';
}
