/**
 * Cross-file consistency that a Bicep compiler would check and tree-sitter alone does not: module paths,
 * module parameters and outputs, the azd parameters file, the abbreviations, API versions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BicepFile, objectProperties, stringLiterals } from '../support/bicep';
import { bicepFiles, infraDir, loadInfra } from '../support/infra';

const main = loadInfra('main.bicep');

/**
 * API versions checked to exist for each resource type (Azure/bicep-types-az generated types). A typo or an
 * unreleased version fails here instead of at deployment.
 */
const knownApiVersions: Record<string, string[]> = {
  'Microsoft.Resources/resourceGroups': ['2024-03-01'],
  'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31'],
  'Microsoft.OperationalInsights/workspaces': ['2023-09-01'],
  'Microsoft.Insights/components': ['2020-02-02'],
  'Microsoft.Storage/storageAccounts': ['2023-05-01'],
  'Microsoft.Storage/storageAccounts/blobServices': ['2023-05-01'],
  'Microsoft.Storage/storageAccounts/blobServices/containers': ['2023-05-01'],
  'Microsoft.Storage/storageAccounts/tableServices': ['2023-05-01'],
  'Microsoft.Storage/storageAccounts/tableServices/tables': ['2023-05-01'],
  'Microsoft.ServiceBus/namespaces': ['2022-10-01-preview'],
  'Microsoft.ServiceBus/namespaces/queues': ['2022-10-01-preview'],
  'Microsoft.ServiceBus/namespaces/topics': ['2022-10-01-preview'],
  'Microsoft.ServiceBus/namespaces/topics/subscriptions': ['2022-10-01-preview'],
  'Microsoft.KeyVault/vaults': ['2023-07-01'],
  'Microsoft.KeyVault/vaults/secrets': ['2023-07-01'],
  'Microsoft.EventGrid/topics': ['2025-02-15'],
  'Microsoft.EventGrid/topics/eventSubscriptions': ['2025-02-15'],
  'Microsoft.Web/serverfarms': ['2024-04-01'],
  'Microsoft.Web/sites': ['2024-04-01'],
  'Microsoft.Web/sites/config': ['2024-04-01'],
  'Microsoft.Authorization/roleAssignments': ['2022-04-01'],
  'Microsoft.Network/virtualNetworks': ['2024-05-01'],
  'Microsoft.Network/privateEndpoints': ['2024-05-01'],
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': ['2024-05-01'],
  'Microsoft.Network/privateDnsZones': ['2024-06-01'],
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': ['2024-06-01'],
};

function moduleFile(path: string): BicepFile {
  return BicepFile.load(join(infraDir, path));
}

describe('infra wiring', () => {
  it('When main.bicep is read, then it targets the subscription and creates the resource group', () => {
    expect(main.root.descendantsOfType('target_scope_assignment')[0]?.text).toBe(
      "targetScope = 'subscription'",
    );
    expect(main.resourcesOfType('Microsoft.Resources/resourceGroups')).toHaveLength(1);
  });

  it.each(bicepFiles())('When %s references a symbol, then the file declares it', (file) => {
    const bicep = loadInfra(file);
    const declared = bicep.declaredSymbols();
    const undeclared = bicep.symbolReferences().filter((node) => !declared.has(node.text));
    expect(undeclared.map((node) => `${node.text} at ${node.startPosition.row + 1}`)).toEqual([]);
  });

  it.each(bicepFiles())('When %s declares symbols, then none shadows a deployment-scope function', (file) => {
    const builtIns = [
      'subscription',
      'resourceGroup',
      'tenant',
      'managementGroup',
      'deployment',
      'environment',
    ];
    expect([...loadInfra(file).declaredSymbols()].filter((symbol) => builtIns.includes(symbol))).toEqual([]);
  });

  it.each(bicepFiles())('When %s declares params and variables, then each is used', (file) => {
    const bicep = loadInfra(file);
    const used = new Set(bicep.symbolReferences().map((node) => node.text));
    const declared = [...bicep.params(), ...bicep.variables()].map((declaration) => declaration.name);
    expect(declared.filter((name) => !used.has(name))).toEqual([]);
  });

  it('When a symbol is misspelt, then the reference check finds it', () => {
    const bicep = new BicepFile(
      'inline.bicep',
      'param name string\noutput N string = nmae\nvar x = {\n  name: name\n}\n',
    );
    const declared = bicep.declaredSymbols();
    expect(
      bicep
        .symbolReferences()
        .filter((node) => !declared.has(node.text))
        .map((node) => node.text),
    ).toEqual(['nmae']);
  });

  it('When modules are referenced, then every one is a local file (no registry modules needing network)', () => {
    for (const file of bicepFiles()) {
      for (const module of loadInfra(file).modules()) {
        expect(module.path, `${file} → ${module.symbol}`).not.toMatch(/^(br|ts)[:/]/);
        expect(existsSync(join(infraDir, dirname(file), module.path)), `${file} → ${module.path}`).toBe(true);
      }
    }
  });

  it.each(
    bicepFiles().flatMap((file) =>
      loadInfra(file)
        .modules()
        .map((module) => [file, module.symbol, join(dirname(file), module.path)] as const),
    ),
  )(
    'When %s calls module %s (%s), then it passes only declared params and every required one',
    (file, symbol, path) => {
      const declared = moduleFile(path).params();
      const passed = [
        ...objectProperties(objectProperties(loadInfra(file).module(symbol)!.body).get('params')!).keys(),
      ];
      expect(passed.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
      const required = declared.filter((param) => !param.defaultValue).map((param) => param.name);
      expect(required.filter((name) => !passed.includes(name))).toEqual([]);
    },
  );

  it('When a module output is used, then the module declares it', () => {
    const outputsBySymbol = new Map(
      main.modules().map((module) => [
        module.symbol,
        moduleFile(module.path)
          .outputs()
          .map((output) => output.name),
      ]),
    );
    const uses = main.root
      .descendantsOfType('member_expression')
      .filter((node) => node.childForFieldName('object')?.type === 'member_expression')
      // `network!.outputs.x`: a conditional module's output, asserted present where it is used.
      .map((node) => node.text.replace(/!(?=\.)/g, '').split('.'))
      .filter(([symbol, outputs]) => outputsBySymbol.has(symbol!) && outputs === 'outputs');
    expect(uses.length).toBeGreaterThan(10);
    for (const [symbol, , output] of uses)
      expect(outputsBySymbol.get(symbol!), `${symbol}.outputs.${output}`).toContain(output);
  });

  it.each(bicepFiles())(
    'When %s declares resources, then each uses an API version known to exist',
    (file) => {
      for (const resource of loadInfra(file).resources()) {
        expect(knownApiVersions[resource.type], `${resource.type}@${resource.apiVersion}`).toContain(
          resource.apiVersion,
        );
      }
    },
  );

  it('When main.bicep declares outputs, then they are UPPER_SNAKE (azd turns them into environment variables)', () => {
    expect(main.outputs().length).toBeGreaterThan(0);
    for (const output of main.outputs()) expect(output.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('When abbreviations are used, then abbreviations.json defines each', () => {
    const abbreviations = JSON.parse(readFileSync(join(infraDir, 'abbreviations.json'), 'utf8')) as Record<
      string,
      string
    >;
    const used = main.root
      .descendantsOfType('member_expression')
      .filter((node) => node.childForFieldName('object')?.text === 'abbrs')
      .map((node) => node.childForFieldName('property')!.text);
    expect(used.length).toBeGreaterThan(5);
    for (const key of used) expect(Object.keys(abbreviations)).toContain(key);
  });

  describe('main.parameters.json (azd)', () => {
    const file = JSON.parse(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const params = main.params();

    it('When azd substitutes it, then it only names parameters main.bicep declares', () => {
      for (const name of Object.keys(file.parameters))
        expect(params.map((param) => param.name)).toContain(name);
    });

    it('When main.bicep has required parameters, then the file supplies each', () => {
      for (const param of params.filter((p) => !p.defaultValue))
        expect(Object.keys(file.parameters)).toContain(param.name);
    });

    it('When a parameter is @secure, then its value comes from the environment, never from the file', () => {
      const secure = params.filter((param) => param.decorators.includes('secure'));
      expect(secure.map((param) => param.name)).toEqual([
        'slackSigningSecret',
        'teamsHmacSecret',
        'chatChannelWebhooks',
      ]);
      for (const param of secure) expect(file.parameters[param.name]?.value).toMatch(/^\$\{[A-Z_]+\}$/);
    });
  });

  it('When @secure parameters have defaults, then the defaults are empty (no secret in source)', () => {
    for (const file of bicepFiles()) {
      for (const param of loadInfra(file)
        .params()
        .filter((p) => p.decorators.includes('secure'))) {
        if (param.defaultValue)
          expect(stringLiterals(param.defaultValue), `${file} ${param.name}`).toEqual(['']);
      }
    }
  });
});
