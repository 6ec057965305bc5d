import { describe, expect, it } from 'vitest';

import {
  armExtensionVersion,
  translateExtension,
} from '../../../../shared/domain/translation/extension.translate';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  aJsonExtension,
  anXmlExtension,
  base64Json,
  base64Text,
} from '../../../fixtures/classic-network-builders';
import { translationInput, vnetEstate } from '../../../fixtures/translation-estates';
import { entry, resource } from '../../../support/translation-lookups';

describe('extension translation', () => {
  it('When a JSON extension migrates, then it becomes a child resource with decoded public settings and private protectedSettings', () => {
    const result = translateScope(translationInput(vnetEstate()));
    const extension = resource(
      result,
      'Microsoft.Compute/virtualMachines/extensions',
      'CustomScriptExtension',
    );
    expect(extension.id).toMatch(/virtualMachines\/web1\/extensions\/CustomScriptExtension$/);
    expect(extension.properties).toEqual({
      publisher: 'Microsoft.Compute',
      type: 'CustomScriptExtension',
      typeHandlerVersion: '1.0',
      autoUpgradeMinorVersion: true,
      settings: { fileUris: ['https://x/y.ps1'] },
      protectedSettings: { commandToExecute: 'y.ps1' },
    });
    expect(extension.dependsOn).toEqual([expect.stringMatching(/virtualMachines\/web1$/)]);
  });

  it('When a VM has an XML extension, then it is dropped with the reason and generates nothing', () => {
    const result = translateScope(translationInput(vnetEstate()));
    expect(entry(result, 'ResourceExtension', 'BGInfo')).toMatchObject({
      outcome: 'dropped',
      armIds: [],
      reason: expect.stringContaining('XML extension'),
    });
    expect(result.resources.some((r) => r.name === 'BGInfo')).toBe(false);
  });

  it.each([
    ['1.*', '1.0', true],
    ['2.*', '2.0', true],
    ['1.9', '1.9', false],
    ['2.0.1507020203', '2.0', false],
    ['*', '1.0', true],
    ['latest', 'latest', false],
  ])(
    'When the Classic version is %s, then typeHandlerVersion is %s (auto-upgrade %s)',
    (classic, version, autoUpgrade) => {
      expect(armExtensionVersion(classic)).toEqual({
        typeHandlerVersion: version,
        autoUpgradeMinorVersion: autoUpgrade,
      });
    },
  );

  it.each([
    ['BGInfo 1.*', anXmlExtension(), 'dropped'],
    ['BGInfo 2.1 (a JSON extension)', anXmlExtension({ version: '2.1' }), 'migrated'],
    [
      'a Visual Studio remote debugger',
      aJsonExtension({
        publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug',
        name: 'RemoteDebugVisualStudio2013',
      }),
      'dropped',
    ],
    [
      'configured in XML',
      aJsonExtension({ parameters: [{ key: 'c', value: base64Text('<PublicConfig/>'), type: 'Public' }] }),
      'dropped',
    ],
    [
      'a Defender for Cloud agent',
      aJsonExtension({ publisher: 'Microsoft.Azure.Security.Monitoring', name: 'AzureSecurityWindowsAgent' }),
      'refused',
    ],
    ['CustomScriptExtension', aJsonExtension(), 'migrated'],
  ] as const)('When the extension is %s, then it is %s', (_label, extension, outcome) => {
    expect(translateExtension(extension).outcome).toBe(outcome);
  });

  it('When the extension is VMSnapshot, then it is refused (backup extensions are unsupported)', () => {
    expect(
      translateExtension(
        aJsonExtension({ name: 'VMSnapshot', publisher: 'Microsoft.Azure.RecoveryServices' }),
      ),
    ).toMatchObject({ outcome: 'refused' });
  });

  it('When a parameter is not base64 JSON, then the extension is dropped with the reason', () => {
    expect(
      translateExtension(
        aJsonExtension({ parameters: [{ key: 'p', value: base64Text('plain text'), type: 'Public' }] }),
      ),
    ).toMatchObject({
      outcome: 'dropped',
      reason: expect.stringContaining('not base64-encoded JSON'),
    });
  });

  it('When several public parameters carry JSON objects, then settings merge them in order', () => {
    const translation = translateExtension(
      aJsonExtension({
        parameters: [
          { key: 'a', value: base64Json({ a: 1, b: 1 }), type: 'Public' },
          { key: 'b', value: base64Json({ b: 2 }), type: 'Public' },
        ],
      }),
    );
    expect(translation).toMatchObject({ outcome: 'migrated', properties: { settings: { a: 1, b: 2 } } });
    expect(translation.outcome === 'migrated' && 'protectedSettings' in translation.properties).toBe(false);
  });

  it('When the extension is being uninstalled, then it is dropped; when disabled, then it migrates with a note', () => {
    expect(translateExtension(aJsonExtension({ state: 'Uninstall' }))).toMatchObject({ outcome: 'dropped' });
    expect(translateExtension(aJsonExtension({ state: 'Disable' }))).toMatchObject({
      outcome: 'migrated',
      note: expect.stringContaining('disabled'),
    });
  });
});
