/**
 * Who may do what: one role model for every surface (README, Identity and roles). App roles arrive in the
 * token's `roles` claim (https://learn.microsoft.com/entra/identity-platform/howto-add-app-roles-in-apps); chat users map
 * to the same roles (`viewer` = Reader, `operator` = Operator, `approver` = Approver). Each role holds
 * the one below it. This table is the only place that says which role an action needs. Pure.
 */
export const appRoles = [
  'Migration.Reader',
  'Migration.Operator',
  'Migration.Approver',
  'Migration.Admin',
] as const;
export type AppRole = (typeof appRoles)[number];

export const actions = [
  /** Read anything: scopes, status, plans, operations, exports, batches, the Classic and ARM views. */
  'read',
  'validate',
  /** Load Classic inventory (import) and change it through the Service Management writes. */
  'import',
  'prepare',
  'abort',
  'commit',
  /** Create, pause, resume or cancel a batch whose phases do not commit. */
  'batch',
  /** Create a batch that commits (auto-commit). */
  'batchCommit',
  /** Register the subscription for migration (the Service Management provider registration). */
  'register',
  'forceRelease',
  'faults',
  'grants',
  /** Read or set a subscription's migration (validation) profile. */
  'migrationProfile',
  /** List and replay dead-lettered phase messages. */
  'deadLetters',
] as const;
export type Action = (typeof actions)[number];

/** The least role each action needs. */
export const requiredRole: Readonly<Record<Action, AppRole>> = {
  read: 'Migration.Reader',
  validate: 'Migration.Reader',
  import: 'Migration.Operator',
  prepare: 'Migration.Operator',
  abort: 'Migration.Operator',
  batch: 'Migration.Operator',
  commit: 'Migration.Approver',
  batchCommit: 'Migration.Approver',
  register: 'Migration.Admin',
  forceRelease: 'Migration.Admin',
  faults: 'Migration.Admin',
  grants: 'Migration.Admin',
  migrationProfile: 'Migration.Admin',
  deadLetters: 'Migration.Admin',
};

const rank = (role: AppRole) => appRoles.indexOf(role);

/** The highest of the roles (unknown role names are ignored); undefined when none is known. */
export function highestRole(roles: readonly string[]): AppRole | undefined {
  const known = roles.filter((role): role is AppRole => (appRoles as readonly string[]).includes(role));
  return known.sort((a, b) => rank(b) - rank(a))[0];
}

export function allows(roles: readonly string[], action: Action): boolean {
  const highest = highestRole(roles);
  return highest !== undefined && rank(highest) >= rank(requiredRole[action]);
}

/** Every action a set of roles allows (for the authorisation matrix and for showing people). */
export function allowedActions(roles: readonly string[]): Action[] {
  return actions.filter((action) => allows(roles, action));
}

/** The refusal text: which role the action needs and which the caller has. */
export function roleRefusal(roles: readonly string[], action: Action): string {
  const highest = highestRole(roles);
  return `${action} needs the ${requiredRole[action]} role; ${highest ? `you have ${highest}` : 'you have no Migration role'}. Ask an admin to assign the role to you in the app registration.`;
}

/** The action a migration operation needs. */
export function actionOfOperation(operation: 'validate' | 'prepare' | 'commit' | 'abort'): Action {
  return operation;
}
