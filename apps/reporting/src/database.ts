import { ReportingInitial1767225600000 } from './migrations/1767225600000-ReportingInitial';
import { ReportingFlatCases1767312000000 } from './migrations/1767312000000-ReportingFlatCases';
import { ReportingParties1767398400000 } from './migrations/1767398400000-ReportingParties';
import { ReportingSessionsMessages1767484800000 } from './migrations/1767484800000-ReportingSessionsMessages';
import { ReportingSummaries1767571200000 } from './migrations/1767571200000-ReportingSummaries';

/** The name of the reporting data source: `@InjectDataSource(REPORTING_DB)`. */
export const REPORTING_DB = 'reporting';

/**
 * No entities: the read model is written by set-based projection statements and read by
 * aggregate queries, both plain SQL in their repositories, so an entity would map nothing.
 */
export const REPORTING_ENTITIES = [];

export const REPORTING_MIGRATIONS = [
  ReportingInitial1767225600000,
  ReportingFlatCases1767312000000,
  ReportingParties1767398400000,
  ReportingSessionsMessages1767484800000,
  ReportingSummaries1767571200000,
];
