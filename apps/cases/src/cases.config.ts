import { IsInt, Max, Min } from 'class-validator';

/** Settings of the cases service, validated at boot from the same environment as the platform's. */
export class CasesConfig {
  /** The service aims to make first contact within this many hours of the referral. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  FIRST_CONTACT_TARGET_HOURS: number = 48;

  /** Active cases a facilitator may carry before an assignment needs a manager's override. */
  @IsInt()
  @Min(1)
  DEFAULT_FACILITATOR_CAPACITY: number = 10;

  @IsInt()
  @Min(15)
  PREPARATION_MINUTES: number = 60;

  @IsInt()
  @Min(15)
  CONFERENCE_MINUTES: number = 120;

  @IsInt()
  @Min(15)
  FOLLOW_UP_MINUTES: number = 30;

  @IsInt()
  @Min(15)
  INDIRECT_STEP_MINUTES: number = 60;

  /** A completed outcome action must be reported back to the person harmed within this many days. */
  @IsInt()
  @Min(1)
  REPORT_BACK_DAYS: number = 5;
}
