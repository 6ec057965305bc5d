/** The estate list's filters (kind, state, locked, search) as one predicate. Pure. */
import type { EstateRow, MigrationState, ScopeKindPath } from '../api/types';

export interface EstateFilter {
  kind: ScopeKindPath | '';
  state: MigrationState | '';
  locked: 'locked' | 'unlocked' | '';
  search: string;
}

export const noFilter: EstateFilter = { kind: '', state: '', locked: '', search: '' };

export function matches(row: EstateRow, filter: EstateFilter): boolean {
  if (filter.kind && row.kindPath !== filter.kind) return false;
  if (filter.state && row.state !== filter.state) return false;
  if (filter.locked && row.locked !== (filter.locked === 'locked')) return false;
  const search = filter.search.trim().toLowerCase();
  return (
    search === '' ||
    row.name.toLowerCase().includes(search) ||
    (row.location ?? '').toLowerCase().includes(search)
  );
}
