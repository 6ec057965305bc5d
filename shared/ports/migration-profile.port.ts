/** The validation profile an Admin set for a subscription: what its migrations run under by default. */
import type { ValidationProfile } from '../domain/validation/validation-profile';

export interface MigrationProfileSetting {
  subscriptionId: string;
  profile: ValidationProfile;
  setBy: string;
  setAt: string;
}

export interface MigrationProfileStore {
  /** Undefined when no profile was set for the subscription (it runs under the default). */
  get(subscriptionId: string): Promise<MigrationProfileSetting | undefined>;
  put(setting: MigrationProfileSetting): Promise<void>;
  /** False when none was set. */
  remove(subscriptionId: string): Promise<boolean>;
}
