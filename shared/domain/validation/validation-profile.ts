/**
 * Validation profiles: which platform's rule set a validation follows. Pure.
 *
 * - `ga`: the final platform (D2, D3, 2020–2023 revisions). The default.
 * - `preview-2016`: the May 2016 public preview
 *   (https://github.com/zhenjiao-ms/test-azure-content/blob/5ef37d9660943ed706687179bb656daaa2bcabb0/articles/virtual-machines/virtual-machines-windows-migration-classic-resource-manager.md)
 *   as the project states it. Where its lists differ from the final platform, the rules say so through
 *   their `profiles` (and, rarely, `severityByProfile`). What the preview refused and the final platform
 *   supports or only warns about (unassociated reserved IPs and NSGs, VNet gateways, Azure AD Domain
 *   Services, boot diagnostics, storage accounts, Azure Site Recovery) has a preview-only rule; features
 *   the preview did not know about (VNet peering, Defender for Cloud) belong to `ga` only; platform checks
 *   whose messages date from 2016 (H5) belong to both. The preview had no separate Validate operation:
 *   see `standaloneValidateRefusal`.
 *
 * A request names its profile, or runs under its subscription's (set by an Admin), or under `ga`:
 * `chooseValidationProfile`.
 */
import { z } from 'zod';

export const validationProfiles = ['ga', 'preview-2016'] as const;
export type ValidationProfile = (typeof validationProfiles)[number];
export const validationProfileSchema = z.enum(validationProfiles);

export const defaultValidationProfile: ValidationProfile = 'ga';

/** What an engine needs to know about a profile beyond its rules. */
export interface ValidationProfileTraits {
  title: string;
  /**
   * False in the May 2016 preview: there was no separate Validate operation, Prepare validated first (H1).
   * An engine running this profile refuses a stand-alone Validate and validates inside Prepare instead.
   */
  separateValidateOperation: boolean;
  sources: readonly string[];
}

export const validationProfileTraits: Readonly<Record<ValidationProfile, ValidationProfileTraits>> = {
  ga: { title: 'Final platform (2023)', separateValidateOperation: true, sources: ['D2', 'D3'] },
  'preview-2016': {
    title: 'Public preview (May 2016)',
    separateValidateOperation: false,
    sources: ['H1'],
  },
};

/** Both profiles: the common case for a rule. */
export const allProfiles: readonly ValidationProfile[] = validationProfiles;
/** The final platform only. */
export const gaOnly: readonly ValidationProfile[] = ['ga'];
/** The May 2016 preview only. */
export const preview2016Only: readonly ValidationProfile[] = ['preview-2016'];

/** The profile a migration request runs under: its own, else its subscription's, else the default. Pure. */
export function chooseValidationProfile(
  requested: ValidationProfile | undefined,
  subscriptionProfile: ValidationProfile | undefined,
): ValidationProfile {
  return requested ?? subscriptionProfile ?? defaultValidationProfile;
}

/** Why a stand-alone Validate is refused. */
export interface ValidateRefusal {
  code: 'NoSeparateValidate';
  message: string;
}

/**
 * The refusal of a stand-alone Validate under a profile without one (the May 2016 preview: "the prepare
 * operation does an implicit validation", and "if the validation fails, the resources will not be touched
 * at all"); undefined when the profile has a Validate operation. Pure.
 */
export function standaloneValidateRefusal(profile: ValidationProfile): ValidateRefusal | undefined {
  if (validationProfileTraits[profile].separateValidateOperation) return undefined;
  return {
    code: 'NoSeparateValidate',
    message: `The ${profile} profile (${validationProfileTraits[profile].title}) has no separate Validate operation: Prepare validates first and, when validation fails, changes nothing. Send Prepare instead, or validate under the ga profile.`,
  };
}
