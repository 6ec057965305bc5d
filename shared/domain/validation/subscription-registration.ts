/**
 * The registration prerequisite (D6, D7): until the subscription registers the resource provider
 * `Microsoft.ClassicInfrastructureMigrate`, every migration call fails — Validate included — with a
 * Service Management error, not a validation message. So it is a refusal the engine checks before any
 * rule runs, not a finding. Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';

export interface ValidationRefusal {
  /** Stable, like a rule code. */
  code: 'SUBSCRIPTION_NOT_REGISTERED';
  /** Service Management `<Error><Code>`. */
  errorCode: 'BadRequest';
  httpStatus: 400;
  /** Service Management `<Error><Message>`. */
  message: string;
  recommendation: string;
}

export const subscriptionNotRegisteredRefusal: ValidationRefusal = {
  code: 'SUBSCRIPTION_NOT_REGISTERED',
  errorCode: 'BadRequest',
  httpStatus: 400,
  message: 'Subscription is not registered for migration.',
  recommendation:
    'Register the resource provider Microsoft.ClassicInfrastructureMigrate (Register-AzResourceProvider -ProviderNamespace Microsoft.ClassicInfrastructureMigrate), wait until its RegistrationState is Registered (about 5 minutes), then retry.',
};

/** The refusal that stops every migration call for this subscription, if any. */
export function registrationRefusal(inventory: ClassicInventory): ValidationRefusal | undefined {
  return inventory.subscription.registeredForMigration ? undefined : subscriptionNotRegisteredRefusal;
}

/**
 * The text clients print: the SDK throws `"{Code} : {Message}"` (C3), which is how the docs quote it —
 * `BadRequest : Subscription is not registered for migration.` (D6).
 */
export function refusalText(refusal: ValidationRefusal): string {
  return `${refusal.errorCode} : ${refusal.message}`;
}
