/** Durable entity ids as the extension canonicalises them: names are case-insensitive (lower-cased), keys are not. */
export interface EntityRef {
  name: string;
  key: string;
}

export function canonicalEntity(name: string, key: string): EntityRef {
  return { name: name.toLowerCase(), key };
}

/** The Durable Task scheduler id, `@name@key`; also the session id of the entity's signals. */
export function schedulerId(entity: EntityRef): string {
  return `@${entity.name.toLowerCase()}@${entity.key}`;
}
