/**
 * The validation profile of a migration, chosen in one place for every surface: the request's own
 * (`profile` in the JSON API body, `--profile` in chat and the CLI), else the one an Admin set for the
 * subscription, else `ga`. Admission (`requestOperation`, which every surface's Prepare, Commit, Abort and
 * queued Validate goes through) and the Service Management API's synchronous Validate both ask
 * `profiledOptions`; the chosen profile travels on the phase command, so the phases validate under the
 * profile the operation was admitted with, even if the setting changes meanwhile.
 *
 * The May 2016 preview had no separate Validate operation: under it a stand-alone Validate is refused, and
 * Prepare validates first (it always does) and changes nothing when validation fails.
 */
import type { Services } from '../composition';
import type { MigrationOptions } from '../contracts/phase-command';
import type { MigrationOperation } from '../domain/migration/migration-state';
import {
  chooseValidationProfile,
  standaloneValidateRefusal,
  type ValidateRefusal,
  type ValidationProfile,
  validationProfileTraits,
} from '../domain/validation/validation-profile';

export type ProfileDeps = Pick<Services, 'migrationProfiles'>;

export type ProfiledOptions =
  /** `options` with the subscription's profile filled in when the request named none. */
  | { ok: true; profile: ValidationProfile; options: MigrationOptions }
  | { ok: false; refusal: ValidateRefusal };

/** The request's options under the profile chosen for it, or the refusal of a Validate the profile lacks. */
export async function profiledOptions(
  deps: ProfileDeps,
  subscriptionId: string,
  operation: MigrationOperation,
  options: MigrationOptions,
): Promise<ProfiledOptions> {
  const setting =
    options.profile === undefined ? await deps.migrationProfiles.get(subscriptionId) : undefined;
  const profile = chooseValidationProfile(options.profile, setting?.profile);
  if (operation === 'validate') {
    const refusal = standaloneValidateRefusal(profile);
    if (refusal) return { ok: false, refusal };
  }
  return { ok: true, profile, options: setting ? { ...options, profile } : options };
}

/** Read models (status, exports): the options with the subscription's profile when they name none. */
export async function withSubscriptionProfile(
  deps: ProfileDeps,
  subscriptionId: string,
  options: MigrationOptions,
): Promise<MigrationOptions> {
  if (options.profile !== undefined) return options;
  const setting = await deps.migrationProfiles.get(subscriptionId);
  return setting ? { ...options, profile: setting.profile } : options;
}

/** A subscription's profile as the admin API shows it. */
export interface MigrationProfileView {
  subscriptionId: string;
  profile: ValidationProfile;
  /** `subscription`: an Admin set it; `default`: none was set. */
  source: 'subscription' | 'default';
  title: string;
  /** False for a profile that validates only inside Prepare (a stand-alone Validate is refused). */
  separateValidateOperation: boolean;
  setBy?: string;
  setAt?: string;
}

export const migrationProfileAuditKey = 'migration-profiles';

export async function getMigrationProfile(
  deps: ProfileDeps,
  subscriptionId: string,
): Promise<MigrationProfileView> {
  const setting = await deps.migrationProfiles.get(subscriptionId);
  const profile = chooseValidationProfile(undefined, setting?.profile);
  return {
    subscriptionId: subscriptionId.toLowerCase(),
    profile,
    source: setting ? 'subscription' : 'default',
    title: validationProfileTraits[profile].title,
    separateValidateOperation: validationProfileTraits[profile].separateValidateOperation,
    ...(setting ? { setBy: setting.setBy, setAt: setting.setAt } : {}),
  };
}

export type ManageProfileDeps = ProfileDeps & Pick<Services, 'audit' | 'clock'>;

/** Sets the subscription's profile (audited); its next migrations run under it. */
export async function setMigrationProfile(
  deps: ManageProfileDeps,
  subscriptionId: string,
  profile: ValidationProfile,
  by: string,
): Promise<MigrationProfileView> {
  const setAt = deps.clock.now().toISOString();
  await deps.migrationProfiles.put({
    subscriptionId: subscriptionId.toLowerCase(),
    profile,
    setBy: by,
    setAt,
  });
  await deps.audit.append({
    at: setAt,
    scopeKey: migrationProfileAuditKey,
    actor: by,
    source: 'api',
    action: 'setMigrationProfile',
    outcome: 'Set',
    detail: `${subscriptionId.toLowerCase()} → ${profile}`,
  });
  return getMigrationProfile(deps, subscriptionId);
}

/** Removes the subscription's profile (audited), so it runs under the default again; false when none was set. */
export async function clearMigrationProfile(
  deps: ManageProfileDeps,
  subscriptionId: string,
  by: string,
): Promise<boolean> {
  const removed = await deps.migrationProfiles.remove(subscriptionId);
  if (removed) {
    await deps.audit.append({
      at: deps.clock.now().toISOString(),
      scopeKey: migrationProfileAuditKey,
      actor: by,
      source: 'api',
      action: 'clearMigrationProfile',
      outcome: 'Cleared',
      detail: subscriptionId.toLowerCase(),
    });
  }
  return removed;
}
