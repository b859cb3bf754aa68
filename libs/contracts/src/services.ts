/** The four services; each owns the Postgres schema of the same name. */
export const SERVICE_NAMES = ['cases', 'scheduling', 'notifications', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
