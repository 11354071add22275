/** One difference between two JSON documents, at a dotted path (`schedule.end`, `tiers.1.off`). */
export interface DiffEntry {
  path: string;
  op: 'add' | 'remove' | 'change';
  from?: unknown;
  to?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The changes that turn `before` into `after`, recursing into objects and arrays (arrays by index).
 * `before === undefined` (creation) yields one `add` at the root; the audit log stores the result.
 */
export function diffJson(before: unknown, after: unknown, path: string[] = []): DiffEntry[] {
  const at = path.join('.');
  if (Object.is(before, after)) return [];
  if (before === undefined) return [{ path: at, op: 'add', to: after }];
  if (after === undefined) return [{ path: at, op: 'remove', from: before }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: DiffEntry[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i += 1) out.push(...diffJson(before[i], after[i], [...path, String(i)]));
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const out: DiffEntry[] = [];
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) out.push(...diffJson(before[key], after[key], [...path, key]));
    return out;
  }
  return [{ path: at, op: 'change', from: before, to: after }];
}
