/** Per-subscription grants: the subscriptions a principal may act in, beyond the defaults in settings. */
export interface Grant {
  principalId: string;
  /** A subscription id, or `*` for every subscription. */
  subscriptionId: string;
  grantedBy: string;
  grantedAt: string;
}

export interface GrantStore {
  /** The principal's grants. */
  list(principalId: string): Promise<Grant[]>;
  listAll(): Promise<Grant[]>;
  put(grant: Grant): Promise<void>;
  /** False when there was no such grant. */
  remove(principalId: string, subscriptionId: string): Promise<boolean>;
}
