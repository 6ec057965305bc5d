/** "Did you mean …?": the closest scope names, the same kind first. */
import { describe, expect, it } from 'vitest';

import { editDistance, suggestScopes } from '../../../../shared/domain/chat/did-you-mean';

const estate = [
  { kind: 'virtualNetwork' as const, name: 'Prod-VNet' },
  { kind: 'virtualNetwork' as const, name: 'Legacy-VNet' },
  { kind: 'virtualNetwork' as const, name: 'Dev-VNet' },
  { kind: 'cloudService' as const, name: 'contoso-web' },
  { kind: 'cloudService' as const, name: 'contoso-app' },
];

describe('did you mean', () => {
  it('When distances are computed, then they count insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('When a name has a typo, then the closest names come first', () => {
    expect(suggestScopes({ kind: 'virtualNetwork', name: 'Prod-Vnett' }, estate)[0]).toEqual({
      kind: 'virtualNetwork',
      name: 'Prod-VNet',
    });
  });

  it('When the name exists under another kind, then that scope is suggested', () => {
    expect(suggestScopes({ kind: 'virtualNetwork', name: 'contoso-web' }, estate)[0]).toEqual({
      kind: 'cloudService',
      name: 'contoso-web',
    });
  });

  it('When part of a name is given, then names containing it are suggested', () => {
    expect(suggestScopes({ kind: 'virtualNetwork', name: 'legacy' }, estate)).toContainEqual({
      kind: 'virtualNetwork',
      name: 'Legacy-VNet',
    });
  });

  it('When nothing is close, then nothing is suggested', () => {
    expect(suggestScopes({ kind: 'virtualNetwork', name: 'zzzzzzzzzzzz' }, estate)).toEqual([]);
  });
});
