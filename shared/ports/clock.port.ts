/** Time and identity as inputs, so use cases are deterministic under test. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new globally unique id (a UUID). */
  newId(): string;
}
