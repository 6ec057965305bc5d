/** The body of `PUT /api/subscriptions/{subscriptionId}/migration-profile`: `{ "profile": "ga" | "preview-2016" }`. */
import { z } from 'zod';

import { validationProfileSchema } from '../domain/validation/validation-profile';

export const migrationProfileBodySchema = z.object({ profile: validationProfileSchema }).strict();
export type MigrationProfileBody = z.infer<typeof migrationProfileBodySchema>;
