/**
 * Points a member earns per full ¥1 paid (after every discount, points included) when nothing else
 * is given; the app passes `POINTS_EARN_PER_YUAN` from its config. Credited at commit, taken back at
 * cancel (docs/adr/members-and-points.md).
 */
export const POINTS_EARNED_PER_YUAN = 1;

/** Points an order paying `totalFen` earns at `perYuan` points per full yuan. */
export function pointsEarned(totalFen: number, perYuan: number = POINTS_EARNED_PER_YUAN): number {
  return Math.floor((Math.max(0, totalFen) * perYuan) / 100);
}
