/** Sign-in roles (docs/security.md has the access matrix). */
export const APP_ROLES = ['executive', 'hq_planner', 'branch_head', 'client_manager'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Roles that read every branch's rows. */
export const BANK_WIDE_ROLES: readonly AppRole[] = ['executive', 'hq_planner'];
/** The only role that may introspect the schema and open GraphiQL. */
export const INTROSPECTION_ROLES: readonly AppRole[] = ['hq_planner'];
