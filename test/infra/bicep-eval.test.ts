import { describe, expect, it } from 'vitest';

import { BicepFile } from '../support/bicep';
import { evaluate, render, Scope, Unresolved } from '../support/bicep-eval';

function scopeOf(source: string, args: Record<string, unknown> = {}): Scope {
  return new Scope(new BicepFile('inline.bicep', source), new Map(Object.entries(args)) as Scope['args']);
}

describe('the Bicep evaluator used by the infra tests', () => {
  it('When a value comes from a param default through variables, then it is resolved', () => {
    const scope = scopeOf(
      "param count int = 10\nvar settings = {\n  COUNT: string(count)\n  ON: !empty('x')\n}\n",
    );
    expect(scope.lookup('settings')).toEqual({ COUNT: '10', ON: true });
  });

  it('When a caller passes an argument, then it wins over the default', () => {
    expect(scopeOf('param count int = 10', { count: 3 }).lookup('count')).toBe(3);
  });

  it('When a part is only known at deployment, then it stays Unresolved and renders as ${…}', () => {
    const file = new BicepFile(
      'inline.bicep',
      "param fn string = 'migrationRequests'\nvar target = '${app.id}/functions/${fn}'\n",
    );
    const scope = new Scope(file);
    expect(scope.lookup('target')).toEqual(new Unresolved('${app.id}/functions/migrationRequests'));
    expect(render(file.variable('target')!.value, scope)).toBe('${app.id}/functions/migrationRequests');
  });

  it("When a boolean is turned into a string, then it becomes 'True' as in ARM (not 'true')", () => {
    const file = new BicepFile('inline.bicep', 'var flag = string(true)\n');
    expect(evaluate(file.variable('flag')!.value, new Scope(file))).toBe('True');
  });

  it('When values are compared or combined, then known operands give a result and unknown ones stay Unresolved', () => {
    const scope = scopeOf(
      "param access string = 'Disabled'\nparam on bool = true\nparam id string\nvar acl = access == 'Enabled' ? 'Allow' : 'Deny'\nvar both = on && access != 'Enabled'\nvar early = !on && id == 'x'\nvar unknown = id == 'x'\nvar fallback = id ?? 'none'\n",
    );
    expect(scope.lookup('acl')).toBe('Deny');
    expect(scope.lookup('both')).toBe(true);
    expect(scope.lookup('early')).toBe(false);
    expect(scope.lookup('unknown')).toBeInstanceOf(Unresolved);
    expect(scope.lookup('fallback')).toBeInstanceOf(Unresolved);
  });

  it('When a ternary depends on a deployment-time value, then it is Unresolved rather than guessed', () => {
    expect(
      scopeOf('param uri string\nvar s = empty(uri) ? {} : {\n  A: uri\n}\n').lookup('s'),
    ).toBeInstanceOf(Unresolved);
  });
});
