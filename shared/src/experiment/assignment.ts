import type { Experiment } from '../campaign/campaign.schema.js';
import { murmurHash3x86_32 } from './hash.js';

/** Number of assignment buckets; weights and holdout are in basis points of this. */
export const ASSIGNMENT_BUCKETS = 10_000;

/** The holdout arm's key in experiment results (variants' keys are `[A-Za-z0-9_-]`, so it cannot collide). */
export const HOLDOUT_KEY = '(holdout)';

/** Where one user landed in one experiment. */
export interface VariantAssignment {
  /** The variant's key, or `null` in the holdout (or past the layout of an invalid experiment). */
  variantKey: string | null;
  /** The user gets no promotion from the campaign (the control group for lift). */
  inHoldout: boolean;
  /** The user's bucket, 0..9,999. */
  bucket: number;
}

/** One contiguous range of buckets, `[start, end)`. */
export interface BucketRange {
  /** `null` for the holdout range. */
  variantKey: string | null;
  start: number;
  end: number;
}

/**
 * The user's bucket in an experiment, 0..9,999: `murmur3(userId, seed) mod 10,000` with
 * `seed = murmur3(experimentId, 0)`, both MurmurHash3 x86_32 over UTF-8. Seeding by experiment makes
 * buckets independent across experiments and keeps the two ids unambiguous (no separator to collide).
 * The modulo bias is below 1 in 400,000 per bucket. This formula is a stored contract: analysts
 * recompute it (Python: `mmh3.hash(user, mmh3.hash(exp, signed=False), signed=False) % 10000`) and
 * changing it would reshuffle every running experiment.
 */
export function assignmentBucket(experimentId: string, userId: string): number {
  const seed = murmurHash3x86_32(experimentId, 0);
  return murmurHash3x86_32(userId, seed) % ASSIGNMENT_BUCKETS;
}

/**
 * The bucket layout of an experiment: the holdout takes buckets `[0, holdout)`, then each variant,
 * in array order, takes the next `weight` buckets. Zero-weight ranges are kept (empty) so the list
 * has one entry per arm. A layout past 10,000 (an invalid experiment) is cut at 10,000.
 */
export function bucketLayout(experiment: Experiment): BucketRange[] {
  const ranges: BucketRange[] = [];
  let start = Math.min(experiment.holdout, ASSIGNMENT_BUCKETS);
  ranges.push({ variantKey: null, start: 0, end: start });
  for (const variant of experiment.variants) {
    const end = Math.min(start + variant.weight, ASSIGNMENT_BUCKETS);
    ranges.push({ variantKey: variant.key, start, end });
    start = end;
  }
  return ranges;
}

/**
 * Which arm of `experiment` a user is in. Pure and stable: the same ids and layout always give
 * the same answer on the server and in the studio. Because the layout is contiguous and ordered,
 * changing a weight only moves users whose bucket lies between an old and a new range boundary.
 * Buckets past the layout of an invalid experiment (weights + holdout < 10,000) are in no arm:
 * `variantKey: null, inHoldout: false` — publishing rejects such experiments via `validateExperiment`.
 */
export function assignVariant(experimentId: string, userId: string, experiment: Experiment): VariantAssignment {
  return assignBucket(assignmentBucket(experimentId, userId), experiment);
}

/** The arm that owns `bucket` in `experiment`'s layout (see {@link bucketLayout}). */
export function assignBucket(bucket: number, experiment: Experiment): VariantAssignment {
  if (bucket < experiment.holdout) return { variantKey: null, inHoldout: true, bucket };
  let end = experiment.holdout;
  for (const variant of experiment.variants) {
    end += variant.weight;
    if (bucket < end) return { variantKey: variant.key, inHoldout: false, bucket };
  }
  return { variantKey: null, inHoldout: false, bucket };
}
