import { ApiError } from '../api/api-error.js';
import { PromoteRefusalDetailsSchema, type PromoteDecision, type ReportSubject } from '../api/report.schema.js';

const EMPTY = '—';

/** A ratio as a percentage with one decimal ("12.3%"); "—" when the server had no basis. */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? EMPTY : `${(rate * 100).toFixed(1)}%`;
}

/** A relative change with its sign ("+12.3%", "−4.0%"). */
export function formatLift(lift: number | null): string {
  if (lift === null || !Number.isFinite(lift)) return EMPTY;
  const pct = (lift * 100).toFixed(1);
  return lift > 0 ? `+${pct}%` : lift < 0 ? `−${pct.slice(1)}%` : `${pct}%`;
}

/** ROI as a multiple ("4.25×"). */
export function formatRoi(roi: number | null): string {
  return roi === null || !Number.isFinite(roi) ? EMPTY : `${roi.toFixed(2)}×`;
}

/** A p-value the way analysts read it: three decimals, tiny ones as "< 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A confidence interval of a difference in rates, in percentage points ("[−1.2, +3.4] pp"). */
export function formatRateInterval(ci: { low: number; high: number }): string {
  const pp = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(1)}`;
  return `[${pp(ci.low)}, ${pp(ci.high)}] pp`;
}

/** File name of a downloaded report: subject and id, nothing that could be a path. */
export function reportFileName(subject: ReportSubject, id: string, ext: 'csv' | 'pdf'): string {
  return `report-${subject}-${id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)}.${ext}`;
}

/** The server's decision inside a 409 from promote-winner (no significant winner); null for other failures. */
export function promoteRefusal(error: unknown): PromoteDecision | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const parsed = PromoteRefusalDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.decision : null;
}

/** Why a report could not be loaded, as a message key: not started yet, offline, or the server's own message. */
export function reportErrorKey(error: unknown): 'reports.notStarted' | 'reports.offline' | 'reports.noExperiment' | null {
  if (!(error instanceof ApiError)) return null;
  if (error.isNetwork) return 'reports.offline';
  if (error.status === 400 && /after from/.test(error.message)) return 'reports.notStarted';
  if (error.status === 404 && /experiment/.test(error.message)) return 'reports.noExperiment';
  return null;
}

/** A failure's own message, for errors the studio has no better words for. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
