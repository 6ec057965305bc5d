/** The permission table: each role holds the one below it; refusals name the role needed. */
import { describe, expect, it } from 'vitest';

import {
  actions,
  allowedActions,
  allows,
  appRoles,
  roleRefusal,
} from '../../../shared/domain/auth/permissions';

describe('permissions', () => {
  it('When each role is asked for its actions, then it holds the model of the README', () => {
    expect(allowedActions(['Migration.Reader'])).toEqual(['read', 'validate']);
    expect(allowedActions(['Migration.Operator'])).toEqual([
      'read',
      'validate',
      'import',
      'prepare',
      'abort',
      'batch',
    ]);
    expect(allowedActions(['Migration.Approver'])).toEqual([
      'read',
      'validate',
      'import',
      'prepare',
      'abort',
      'commit',
      'batch',
      'batchCommit',
    ]);
    expect(allowedActions(['Migration.Admin'])).toEqual([...actions]);
  });

  it('When a token holds several roles or unknown ones, then the highest known role counts', () => {
    expect(allows(['Other.Role', 'Migration.Reader', 'Migration.Approver'], 'commit')).toBe(true);
    expect(allows(['Other.Role'], 'read')).toBe(false);
    expect(allows([], 'read')).toBe(false);
  });

  it('When a role is too low, then the refusal names the role needed and the role held', () => {
    expect(roleRefusal(['Migration.Reader'], 'prepare')).toContain(
      'prepare needs the Migration.Operator role; you have Migration.Reader',
    );
    expect(roleRefusal([], 'read')).toContain('you have no Migration role');
  });

  it('When the roles are listed, then there are exactly the four of the README', () => {
    expect(appRoles).toEqual([
      'Migration.Reader',
      'Migration.Operator',
      'Migration.Approver',
      'Migration.Admin',
    ]);
  });
});
