/**
 * Which VM extensions the rules single out, by publisher / name / version pattern (`*` matches any run of
 * characters, case-insensitive). Azure named the kinds but never published the patterns; these are ours,
 * from the extensions' published publisher and type names. Pure.
 */
import type { ResourceExtensionReference } from '../../classic/compute.schema';
import type { ValidationProfile } from '../validation-profile';

export interface ExtensionPattern {
  label: string;
  publisher: string;
  name: string;
  version?: string;
  profiles: readonly ValidationProfile[];
}

/**
 * XML extensions are not migrated (D2). The May 2016 preview listed the Visual Studio Debugger, Web Deploy
 * and Remote Debugging (H1); GA added BGInfo 1.* (H2) — BGInfo 2.x is a JSON extension and migrates.
 */
export const xmlExtensionPatterns: readonly ExtensionPattern[] = [
  { label: 'BGInfo 1.*', publisher: 'Microsoft.Compute', name: 'BGInfo', version: '1.*', profiles: ['ga'] },
  {
    label: 'Visual Studio Debugger',
    publisher: 'Microsoft.VisualStudio.*',
    name: 'VS*Debugger',
    profiles: ['ga', 'preview-2016'],
  },
  {
    label: 'Web Deploy',
    publisher: 'Microsoft.VisualStudio.WindowsAzure.DevTest',
    name: 'WebDeployForVSDevTest',
    profiles: ['ga', 'preview-2016'],
  },
  {
    label: 'Remote Debugging',
    publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug',
    name: 'RemoteDebug*',
    profiles: ['ga', 'preview-2016'],
  },
];

/** Azure Backup's snapshot extensions (H5 #6). */
export const snapshotExtensionPatterns: readonly ExtensionPattern[] = [
  {
    label: 'VMSnapshot',
    publisher: 'Microsoft.Azure.RecoveryServices',
    name: 'VMSnapshot',
    profiles: ['ga', 'preview-2016'],
  },
  {
    label: 'VMSnapshotLinux',
    publisher: 'Microsoft.Azure.RecoveryServices',
    name: 'VMSnapshotLinux',
    profiles: ['ga', 'preview-2016'],
  },
];

/** Microsoft Defender for Cloud (formerly Security Center) agents (D2). */
export const defenderExtensionPatterns: readonly ExtensionPattern[] = [
  {
    label: 'Security monitoring agent',
    publisher: 'Microsoft.Azure.Security.Monitoring',
    name: '*',
    profiles: ['ga'],
  },
  {
    label: 'Defender for Servers',
    publisher: 'Microsoft.Azure.AzureDefenderForServers',
    name: '*',
    profiles: ['ga'],
  },
  {
    label: 'Security Center vulnerability scanner',
    publisher: 'Qualys',
    name: '*AzureSecurityCenter',
    profiles: ['ga'],
  },
];

/**
 * Azure Site Recovery's mobility agents (D2). Recognised in both profiles: the final platform warns about
 * them, the May 2016 preview refused their VMs (H1).
 */
export const siteRecoveryExtensionPatterns: readonly ExtensionPattern[] = [
  {
    label: 'Site Recovery',
    publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery',
    name: '*',
    profiles: ['ga', 'preview-2016'],
  },
];

/** True when the pattern (for this profile) matches the extension. */
export function matchesPattern(
  extension: ResourceExtensionReference,
  pattern: ExtensionPattern,
  profile: ValidationProfile,
): boolean {
  return (
    pattern.profiles.includes(profile) &&
    globMatches(pattern.publisher, extension.publisher) &&
    globMatches(pattern.name, extension.name) &&
    (pattern.version === undefined || globMatches(pattern.version, extension.version))
  );
}

export function matchesAny(
  extension: ResourceExtensionReference,
  patterns: readonly ExtensionPattern[],
  profile: ValidationProfile,
): boolean {
  return patterns.some((pattern) => matchesPattern(extension, pattern, profile));
}

/** An extension being uninstalled is gone as far as migration is concerned. */
export function isInstalled(extension: ResourceExtensionReference): boolean {
  return extension.state !== 'Uninstall';
}

export function isXmlExtension(extension: ResourceExtensionReference, profile: ValidationProfile): boolean {
  return matchesAny(extension, xmlExtensionPatterns, profile);
}

/**
 * A migratable extension: installed, and neither dropped (XML) nor blocked by its own rule (snapshot,
 * Defender). Its status must be reported for the VM to migrate (H5 #7–#9).
 */
export function isMigratableExtension(
  extension: ResourceExtensionReference,
  profile: ValidationProfile,
): boolean {
  return (
    isInstalled(extension) &&
    !isXmlExtension(extension, profile) &&
    !matchesAny(extension, snapshotExtensionPatterns, profile) &&
    !matchesAny(extension, defenderExtensionPatterns, profile)
  );
}

/** The handler name the guest agent reports status under: `<Publisher>.<Name>` (Service Management). */
export function handlerNameOf(extension: ResourceExtensionReference): string {
  return `${extension.publisher}.${extension.name}`;
}

/** Case-insensitive glob match where `*` matches any run of characters. */
export function globMatches(glob: string, value: string): boolean {
  return globPattern(glob).test(value);
}

/**
 * The compiled expression of each glob: the catalogue's globs are few and fixed, and every rule checks
 * every extension of every VM against them, so compiling per call was a measurable share of a phase.
 */
const compiledGlobs = new Map<string, RegExp>();

function globPattern(glob: string): RegExp {
  let pattern = compiledGlobs.get(glob);
  if (!pattern) {
    const source = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    pattern = new RegExp(`^${source}$`, 'i');
    // Globs from a caller outside the catalogue are compiled but not kept beyond a bound.
    if (compiledGlobs.size < 1000) compiledGlobs.set(glob, pattern);
  }
  return pattern;
}
