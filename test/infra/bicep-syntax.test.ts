import { describe, expect, it } from 'vitest';

import { BicepFile, parseBicep, syntaxProblems } from '../support/bicep';
import { bicepFiles, loadInfra } from '../support/infra';

describe('infra Bicep syntax (tree-sitter-bicep)', () => {
  it('When infra/ is listed, then it holds main.bicep and its modules', () => {
    expect(bicepFiles()).toContain('main.bicep');
    expect(bicepFiles().length).toBeGreaterThan(5);
  });

  it.each(bicepFiles())('When %s is parsed, then it has no ERROR or MISSING node', (file) => {
    expect(syntaxProblems(loadInfra(file).tree)).toEqual([]);
  });

  it('When a closing brace is missing, then the checker reports where', () => {
    const broken = "resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'x'\n";
    const problems = syntaxProblems(parseBicep(broken));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('When a property has no value, then the checker reports it', () => {
    const broken = 'param p string\nvar o = {\n  a:\n  b: p\n}\n';
    expect(syntaxProblems(parseBicep(broken))).not.toEqual([]);
  });

  it('When a file is read, then declarations come back with their types, names and decorators', () => {
    const file = new BicepFile(
      'inline.bicep',
      [
        '@secure()',
        'param secret string',
        "var names = ['a', 'b']",
        "resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = [for n in names: {",
        '  name: n',
        '}]',
        "module m 'app/m.bicep' = if (true) {",
        "  name: 'm'",
        '}',
        'output NAME string = secret',
      ].join('\n'),
    );
    expect(file.params()).toEqual([
      expect.objectContaining({ name: 'secret', type: 'string', decorators: ['secure'] }),
    ]);
    expect(file.resources()).toEqual([
      expect.objectContaining({
        symbol: 'sa',
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-05-01',
      }),
    ]);
    expect(file.resources()[0]!.loop).toMatchObject({ variable: 'n' });
    expect(file.modules()).toEqual([expect.objectContaining({ symbol: 'm', path: 'app/m.bicep' })]);
    expect(file.outputs().map((output) => output.name)).toEqual(['NAME']);
  });
});
