import { z } from 'zod';
import { BasisPointsSchema, FenSchema } from '../money/money.js';
import { RuleGraphSchema } from '../rule-graph/graph.schema.js';

export const CampaignKindSchema = z.enum([
  'threshold_off',
  'percent_off',
  'gift',
  'flash_sale',
  'group_buy',
  'new_user',
  'member',
]);
export type CampaignKind = z.infer<typeof CampaignKindSchema>;

export const CampaignStatusSchema = z.enum(['draft', 'scheduled', 'live', 'paused', 'ended', 'archived']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

const Id = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });

/** Which lines a campaign can touch. Exclusions win over inclusions. */
export const ScopeSchema = z.object({
  type: z.enum(['storewide', 'items', 'categories']),
  skus: z.array(z.string().min(1).max(64)).max(5000).default([]),
  categoryIds: z.array(Id).max(500).default([]),
  excludeSkus: z.array(z.string().min(1).max(64)).max(5000).default([]),
  excludeCategoryIds: z.array(Id).max(500).default([]),
});
export type Scope = z.infer<typeof ScopeSchema>;

/**
 * When the campaign is live: an absolute window, optionally narrowed by a recurrence
 * (RRULE by day, with a daily time range), evaluated in `timezone`.
 */
export const ScheduleSchema = z.object({
  start: IsoDateTime,
  end: IsoDateTime,
  timezone: z.string().min(1).max(64).default('Asia/Shanghai'),
  recurrence: z
    .object({
      /** RFC 5545 RRULE body without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=WE`. */
      rrule: z.string().min(1).max(500),
      /** Daily time range on the days the rule selects, `HH:mm`. */
      startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/),
    })
    .optional(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const StackingSchema = z.object({
  /** Exclusive: at most one per line (item stage) / per exclusion group (order stage). */
  mode: z.enum(['exclusive', 'stackable']).default('exclusive'),
  /** Order stage: at most one campaign of a group applies. */
  exclusionGroup: z.string().max(64).optional(),
  /** Order stage: lines already discounted at the item stage are not counted or discounted. */
  excludeDiscountedLines: z.boolean().default(false),
});

export const LimitsSchema = z.object({
  /** Total discount money the campaign may give, in fen. */
  budget: FenSchema.optional(),
  /** Total number of orders the campaign may apply to. */
  usageCap: z.number().int().positive().optional(),
  perUserTotal: z.number().int().positive().optional(),
  perUserDaily: z.number().int().positive().optional(),
  perSkuPerOrder: z.number().int().positive().optional(),
  perSkuPerUser: z.number().int().positive().optional(),
});
export type Limits = z.infer<typeof LimitsSchema>;

/** A/B variant: a share of users gets the offer node args overridden. */
export const VariantSchema = z.object({
  key: z.string().min(1).max(32).regex(/^[a-zA-Z0-9_-]+$/),
  /** Share of traffic in bp (all variants + holdout = 10,000). */
  weight: BasisPointsSchema,
  /** Offer overrides by offer node id: a partial offer merged over that node's offer. */
  overrides: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});
export type Variant = z.infer<typeof VariantSchema>;

export const ExperimentSchema = z.object({
  id: Id,
  variants: z.array(VariantSchema).min(1).max(10),
  /** Share of users in bp who get no promotion at all (the control for lift). */
  holdout: BasisPointsSchema.default(0),
});
export type Experiment = z.infer<typeof ExperimentSchema>;

/** A campaign document as stored, synced and priced. Offers live in the graph's offer nodes. */
export const CampaignSchema = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  nameEn: z.string().max(120).optional(),
  kind: CampaignKindSchema,
  status: CampaignStatusSchema.default('draft'),
  themeId: Id.optional(),
  priority: z.number().int().min(0).max(1000).default(100),
  schedule: ScheduleSchema,
  scope: ScopeSchema,
  graph: RuleGraphSchema,
  stacking: StackingSchema.default({ mode: 'exclusive', excludeDiscountedLines: false }),
  limits: LimitsSchema.default({}),
  /** Price floor: no line goes below cost × (1 + minMargin). */
  minMargin: BasisPointsSchema.optional(),
  experiment: ExperimentSchema.optional(),
  version: z.number().int().nonnegative().default(0),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignInput = z.input<typeof CampaignSchema>;

/** 节日主题: groups campaigns under one event window, palette and budget. */
export const ThemeSchema = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  nameEn: z.string().max(120).optional(),
  festival: z.string().max(32).optional(),
  start: IsoDateTime,
  end: IsoDateTime,
  palette: z.array(z.string().regex(/^#[0-9a-fA-F]{6}$/)).max(8).default([]),
  budget: FenSchema.optional(),
  version: z.number().int().nonnegative().default(0),
});
export type Theme = z.infer<typeof ThemeSchema>;
