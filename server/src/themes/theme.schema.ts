import { ThemeSchema } from '@promo/shared';
import { z } from 'zod';

/** A theme as the API and sync return it. */
export const ThemeDocSchema = ThemeSchema.extend({ updatedAt: z.number().int(), updatedBy: z.string() });
export type ThemeDoc = z.infer<typeof ThemeDocSchema>;

/** What a client may write (`version` is ignored: it moves only through saves). */
export const ThemeWriteSchema = ThemeSchema.extend({ id: ThemeSchema.shape.id.optional() });
export type ThemeWrite = z.infer<typeof ThemeWriteSchema>;

export const ThemeUpdateSchema = ThemeWriteSchema.extend({ baseVersion: z.number().int().nonnegative() });

/** A theme with the campaigns it groups and its budget next to theirs. */
export const ThemeDetailSchema = z.object({
  theme: ThemeDocSchema,
  campaigns: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), status: z.string(), budget: z.number().int().nullable() })),
  /** Sum of the grouped campaigns' own budgets (fen), to compare with the theme budget. */
  campaignBudgetTotal: z.number().int(),
});
