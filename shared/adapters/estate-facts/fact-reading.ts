/** What every facts reader gets (the import's context) and fills (the facts read, and notes on what was skipped). */
import type { EstateFactReading } from '../../domain/facts/estate-fact.schema';

export interface FactReadContext {
  /** The Classic VNet a Service Management gateway document is about (its URL names it, the body does not). */
  virtualNetworkName?: string;
  /** The circuit a List Dedicated Circuit Links document is about (likewise in the URL only). */
  serviceKey?: string;
  /** The region a Compute usage list is about (likewise in the URL only). */
  location?: string;
}

export interface FactCollector {
  facts: EstateFactReading[];
  /** What was skipped on purpose, for the import response. */
  notes: string[];
}
