/**
 * Classic resource extension references → `Microsoft.Compute/virtualMachines/extensions` (2016-03-30).
 * "All resource extensions except XML extensions migrate" (D1); XML extensions are dropped (D2), VM
 * snapshot (backup) extensions are unsupported (D3). Pure.
 *
 * - XML extensions (BGInfo 1.*, Visual Studio Debugger, Web Deploy, Remote Debugging) and the blocked
 *   ones (VM snapshot, Defender for Cloud) are recognised by the validation rules' extension catalogue
 *   (GA profile), so that what Validate warns about is exactly what the translation drops; a
 *   configuration that decodes to XML is dropped too (ARM settings are JSON).
 * - Settings: the Public parameters, base64-decoded (UTF-8) and parsed as JSON objects, merged in order;
 *   Private parameters become `protectedSettings` the same way. A configuration that is neither JSON nor
 *   XML cannot be expressed in ARM and is dropped with its reason.
 * - Version, our choice: Classic `N.*` (latest minor of major N) → `typeHandlerVersion: 'N.0'` with
 *   `autoUpgradeMinorVersion: true`, which ARM resolves to the same latest N.x; `N.M[.x.y]` → `'N.M'`
 *   pinned (`autoUpgradeMinorVersion: false`); `*` → `'1.0'` with auto-upgrade (ARM has no "latest
 *   major"); anything else is kept verbatim.
 * - State `Uninstall` → dropped; `Disable` → migrated (ARM 2016-03-30 has no disabled state; noted).
 */
import type { ResourceExtensionReference } from '../classic/compute.schema';
import {
  defenderExtensionPatterns,
  isXmlExtension,
  matchesAny,
  snapshotExtensionPatterns,
} from '../validation/support/extension-catalogue';

export type ExtensionTranslation =
  | {
      outcome: 'migrated';
      properties: Record<string, unknown>;
      note?: string;
    }
  | { outcome: 'dropped' | 'refused'; reason: string };

/** Classic version → ARM `typeHandlerVersion` and `autoUpgradeMinorVersion` (see the module comment). */
export function armExtensionVersion(classicVersion: string): {
  typeHandlerVersion: string;
  autoUpgradeMinorVersion: boolean;
} {
  const version = classicVersion.trim();
  const wildcardMinor = /^(\d+)\.\*$/.exec(version);
  if (wildcardMinor) return { typeHandlerVersion: `${wildcardMinor[1]}.0`, autoUpgradeMinorVersion: true };
  const pinned = /^(\d+)\.(\d+)(\.[\d.*]+)?$/.exec(version);
  if (pinned) return { typeHandlerVersion: `${pinned[1]}.${pinned[2]}`, autoUpgradeMinorVersion: false };
  if (version === '*' || version === '') return { typeHandlerVersion: '1.0', autoUpgradeMinorVersion: true };
  return { typeHandlerVersion: version, autoUpgradeMinorVersion: false };
}

/** Decodes a Service Management base64 parameter value as UTF-8; undefined when it is not base64. */
export function decodeBase64Utf8(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  try {
    const binary = atob(compact);
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

type DecodedConfiguration =
  { kind: 'json'; value: Record<string, unknown> } | { kind: 'xml' } | { kind: 'invalid' };

function decodeConfiguration(value: string): DecodedConfiguration {
  const text = decodeBase64Utf8(value)?.trim();
  if (text === undefined) return { kind: 'invalid' };
  if (text.startsWith('<')) return { kind: 'xml' };
  if (text === '') return { kind: 'json', value: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { kind: 'json', value: parsed as Record<string, unknown> }
      : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

/** How one Classic extension translates. Pure. */
export function translateExtension(extension: ResourceExtensionReference): ExtensionTranslation {
  // Validation treats an extension being uninstalled as gone (isInstalled); so do we.
  if (extension.state === 'Uninstall')
    return { outcome: 'dropped', reason: 'The extension is being uninstalled (State Uninstall)' };
  if (matchesAny(extension, snapshotExtensionPatterns, 'ga'))
    return {
      outcome: 'refused',
      reason: `Extension ${extension.name} is currently not supported for Migration; uninstall it and add it back in Resource Manager (D3)`,
    };
  if (matchesAny(extension, defenderExtensionPatterns, 'ga'))
    return {
      outcome: 'refused',
      reason: `Microsoft Defender for Cloud extension ${extension.name}: disable the policy (which removes the extension) before migrating (D2)`,
    };
  if (isXmlExtension(extension, 'ga'))
    return {
      outcome: 'dropped',
      reason: `XML extension ${extension.publisher}/${extension.name} ${extension.version} is not supported in Resource Manager and is dropped (D2)`,
    };

  const settings: Record<string, unknown> = {};
  const protectedSettings: Record<string, unknown> = {};
  for (const parameter of extension.parameters) {
    const decoded = decodeConfiguration(parameter.value);
    if (decoded.kind === 'xml')
      return {
        outcome: 'dropped',
        reason: `The ${parameter.type} parameter ${parameter.key} is an XML configuration; XML extensions are dropped (D2)`,
      };
    if (decoded.kind !== 'json')
      return {
        outcome: 'dropped',
        reason: `The ${parameter.type} parameter ${parameter.key} is not base64-encoded JSON, which Resource Manager extensions need`,
      };
    Object.assign(parameter.type === 'Public' ? settings : protectedSettings, decoded.value);
  }
  const hasPrivate = extension.parameters.some((parameter) => parameter.type === 'Private');
  return {
    outcome: 'migrated',
    properties: {
      publisher: extension.publisher,
      type: extension.name,
      ...armExtensionVersion(extension.version),
      settings,
      ...(hasPrivate ? { protectedSettings } : {}),
    },
    ...(extension.state === 'Disable'
      ? { note: 'Disabled in Classic; ARM 2016-03-30 has no disabled state' }
      : {}),
  };
}
