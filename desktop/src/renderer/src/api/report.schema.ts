import { z } from 'zod';

/** Responses of the analytics routes (server/src/analytics/analytics.module.ts); money in fen. */
const Interval = z.object({ low: z.number(), high: z.number(), level: z.number() });
const Window = z.object({ from: z.number(), to: z.number() });

export const VariantSummarySchema = z.object({
  exposures: z.number(),
  conversions: z.number(),
  revenue: z.number(),
  discountCost: z.number(),
  conversionRate: z.number().nullable(),
  revenuePerUser: z.number().nullable(),
  revenuePerConversion: z.number().nullable(),
  discountCostPerUser: z.number().nullable(),
  roi: z.number().nullable(),
  revenueVariance: z.number().nullable(),
});
export type VariantSummary = z.infer<typeof VariantSummarySchema>;

const TestResult = z.object({ difference: z.number(), relativeLift: z.number().nullable(), pValue: z.number(), confidenceInterval: Interval });

export const SrmSchema = z.object({ chiSquare: z.number(), df: z.number(), pValue: z.number(), expectedCounts: z.array(z.number()), mismatch: z.boolean() });

export const ArmResultSchema = z.object({
  key: z.string(),
  summary: VariantSummarySchema,
  vsControl: z.object({ control: z.string(), conversion: TestResult, revenuePerUser: TestResult }).nullable(),
});
export type ArmResult = z.infer<typeof ArmResultSchema>;

export const ExperimentResultsSchema = z.object({
  campaignId: z.string(),
  experimentId: z.string(),
  window: Window,
  arms: z.array(ArmResultSchema),
  srm: SrmSchema,
});
export type ExperimentResults = z.infer<typeof ExperimentResultsSchema>;

const Localized = z.object({ zh: z.string(), en: z.string() });

export const PromoteDecisionSchema = z.object({
  winner: z.string().nullable(),
  reason: z.object({ code: z.string(), message: Localized }),
  primaryMetric: z.string(),
  leader: z.string().nullable(),
  comparisons: z.array(TestResult.extend({ against: z.string(), significant: z.boolean() })),
});
export type PromoteDecision = z.infer<typeof PromoteDecisionSchema>;

export const PromoteResponseSchema = z.object({ decision: PromoteDecisionSchema, saved: z.object({ version: z.number() }).nullable() });

/** The 409 of promote-winner carries the decision in its details. */
export const PromoteRefusalDetailsSchema = z.object({ decision: PromoteDecisionSchema });

const SplitRow = z.object({ key: z.string(), orders: z.number(), gmv: z.number(), discount: z.number(), buyers: z.number() });

export const EffectReportSchema = z.object({
  subject: z.object({ kind: z.enum(['campaign', 'theme']), id: z.string(), name: z.string() }),
  window: Window,
  prePeriod: Window,
  participation: z.number(),
  orders: z.number(),
  gmv: z.number(),
  discountCost: z.number(),
  roi: z.number().nullable(),
  budget: z.number().nullable(),
  budgetBurn: z.number().nullable(),
  impressions: z.number(),
  clicks: z.number(),
  newUserConversion: z.object({ exposedNewUsers: z.number(), converted: z.number(), rate: z.number().nullable(), preRate: z.number().nullable() }),
  repurchase: z.object({ buyers: z.number(), repeatBuyers: z.number(), rate: z.number().nullable(), preRate: z.number().nullable() }),
  lift: z.object({ basis: z.enum(['holdout', 'pre_period']), revenuePerUser: z.number().nullable(), conversion: z.number().nullable(), activity: z.number().nullable(), orders: z.number().nullable() }),
  expected: z.array(
    z.object({
      effect: z.string(),
      lift: z.number().nullable(),
      expected: z.object({ low: z.number(), high: z.number() }),
      verdict: z.enum(['below', 'within', 'above', 'unknown']),
    }),
  ),
  byRegion: z.array(SplitRow),
  byChannel: z.array(SplitRow),
  bySegment: z.array(SplitRow),
  hourly: z.array(z.object({ hour: z.number(), orders: z.number(), gmv: z.number() })),
  experiments: z.array(ExperimentResultsSchema),
});
export type EffectReport = z.infer<typeof EffectReportSchema>;

export type ReportSubject = 'campaign' | 'theme';
export type ReportLang = 'zh' | 'en';
