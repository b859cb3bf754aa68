import { IsInt, Max, Min } from 'class-validator';

/** Settings of the reporting service, validated at boot from the same environment as the platform's. */
export class ReportingConfig {
  /**
   * The first-contact target figures are measured against by default (a report may ask for
   * another); the same setting as the cases service's, so a composed system agrees with itself.
   */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  FIRST_CONTACT_TARGET_HOURS: number = 48;
}
