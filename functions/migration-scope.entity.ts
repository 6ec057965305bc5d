import * as df from 'durable-functions';

import { migrationScopeEntity } from '../shared/contracts/names';
import {
  initialScopeEntityState,
  reduceScope,
  type ScopeEntityState,
  scopeEntityStateSchema,
} from '../shared/domain/migration/scope-entity.reducer';

/**
 * The `migrationScope` entity: one per scope, keyed by the scope key. Every operation is a command of the
 * pure reducer (`request`, `complete`, `progress`, `expireLease`, `forceRelease`); the operation name is
 * the command type. Expected outcomes are written into the state (callers can only read it back); a
 * malformed command is logged and leaves the state untouched rather than throwing, because a throw
 * inside an entity loses its message.
 */
export function migrationScope(context: df.EntityContext<ScopeEntityState>): void {
  const current = scopeEntityStateSchema.parse(context.df.getState(() => initialScopeEntityState));
  const input = context.df.getInput<Record<string, unknown>>() ?? {};
  try {
    const { state, result } = reduceScope(current, { ...input, type: context.df.operationName } as never);
    context.df.setState(state);
    context.df.return(result ?? null);
  } catch (error) {
    context.error(
      `migrationScope ${context.df.entityKey}: rejected operation ${context.df.operationName}`,
      error,
    );
    context.df.setState(current);
    context.df.return(null);
  }
}

df.app.entity(migrationScopeEntity, migrationScope);
