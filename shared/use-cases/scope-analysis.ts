/**
 * The analysis of a scope before anything changes: what it holds, what validation finds, what it becomes
 * in ARM. A pure function of the inventories and the options; the phases and the status API share it.
 */
import type { MigrationOptions } from '../contracts/phase-command';
import type { ArmResource, ResourceGroup } from '../domain/arm/arm-resource';
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import type { ScopeRef } from '../domain/scope/scope';
import type { ScopeContents } from '../domain/scope/scope-contents';
import type { TranslationResult } from '../domain/translation/translation-result';
import type { Finding } from '../domain/validation/finding';
import type { ValidationRefusal } from '../domain/validation/subscription-registration';

export interface ExistingArm {
  resourceGroups: ResourceGroup[];
  resources: ArmResource[];
}

export interface AnalysisInput {
  inventory: ClassicInventory;
  scope: ScopeRef;
  options: MigrationOptions;
  /** Run the ARM-side pre-flight checks too (Prepare always does). */
  includePreflight: boolean;
  existingArm: ExistingArm;
}

export interface ScopeAnalysis {
  contents: ScopeContents | undefined;
  findings: Finding[];
  /** True when an Error finding blocks the migration. */
  blocking: boolean;
  /** Undefined when the scope does not exist. */
  translation: TranslationResult | undefined;
  /** Set when the call is refused before any rule runs (an unregistered subscription). */
  refusal?: ValidationRefusal;
}

/** The analysis of a scope: at once, or in slices that let the event loop run (see analyse-scope.ts). */
export type AnalyseScope = (input: AnalysisInput) => ScopeAnalysis | Promise<ScopeAnalysis>;
