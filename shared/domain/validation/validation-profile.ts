/**
 * Validation profiles: which platform's rule set a validation follows. Pure.
 *
 * - `ga`: the final platform (D2, D3, 2020–2023 revisions). The default.
 * - `preview-2016`: the May 2016 public preview (H1). Where its lists differ from the final platform, the
 *   rules say so through their `profiles` (and, rarely, `severityByProfile`). Items the evolution table of
 *   reference §4.2 marks "—" for the preview (features the preview list did not know about, such as VNet
 *   peering or boot diagnostics on Premium storage) belong to `ga` only; platform checks whose messages
 *   date from 2016 (H5) and that the evolution table does not mention belong to both.
 */

export const validationProfiles = ['ga', 'preview-2016'] as const;
export type ValidationProfile = (typeof validationProfiles)[number];

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
