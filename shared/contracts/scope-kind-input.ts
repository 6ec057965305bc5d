/** A scope kind as callers write it: as in API paths (`virtualNetworks`) or as the model names it (`virtualNetwork`). */
import { z } from 'zod';

import { type ScopeKind, scopeKindFromPath, scopeKindPaths, scopeKindSchema } from '../domain/scope/scope';

export const scopeKindInputSchema = z.string().transform((value, context): ScopeKind => {
  const kind = scopeKindFromPath(value) ?? scopeKindSchema.safeParse(value).data;
  if (kind) return kind;
  context.addIssue({
    code: 'custom',
    message: `'${value}' is not a scope kind; use ${Object.values(scopeKindPaths).join(', ')}`,
  });
  return z.NEVER;
});
