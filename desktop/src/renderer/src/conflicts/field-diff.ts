/**
 * Field-by-field comparison of two versions of a document, for the conflict dialog. Nested plain
 * objects (schedule, scope, limits...) are compared per field; arrays and the fields in
 * `atomicKeys` (the rule graph: merging half a graph makes no sense) are compared whole.
 */
export interface FieldDiff {
  /** Dotted path, e.g. `schedule.start`. */
  path: string;
  mine: unknown;
  theirs: unknown;
  equal: boolean;
}

export type FieldChoice = 'mine' | 'theirs';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality for JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** Bookkeeping the server adds to documents: never a planner's decision, so never diffed. */
export const SERVER_METADATA_KEYS: ReadonlySet<string> = new Set(['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'publishedVersion', 'publishedAt', 'publishedBy']);

export function diffDocs(mine: Plain, theirs: Plain, atomicKeys: ReadonlySet<string> = new Set(['graph']), ignoreKeys: ReadonlySet<string> = SERVER_METADATA_KEYS): FieldDiff[] {
  const out: FieldDiff[] = [];
  const walk = (a: unknown, b: unknown, prefix: string, depth: number): void => {
    const top = prefix.split('.')[0] ?? prefix;
    if (depth < 2 && isPlain(a) && isPlain(b) && !atomicKeys.has(top)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) walk(a[key], b[key], prefix ? `${prefix}.${key}` : key, depth + 1);
      return;
    }
    out.push({ path: prefix, mine: a, theirs: b, equal: jsonEqual(a, b) });
  };
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => !ignoreKeys.has(k)).sort();
  for (const key of keys) walk(mine[key], theirs[key], key, 1);
  return out;
}

function setPath(target: Plain, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isPlain(next)) node[part] = {};
    node = node[part] as Plain;
  }
  const last = parts[parts.length - 1] ?? path;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
}

/**
 * Builds the merged document: the server copy with the planner's value for every differing
 * field chosen `mine` (fields without a choice keep mine: the planner's work is the default).
 */
export function mergeDocs(mine: Plain, theirs: Plain, choices: Readonly<Record<string, FieldChoice>>, diffs = diffDocs(mine, theirs)): Plain {
  const merged = structuredClone(theirs);
  for (const diff of diffs) {
    if (diff.equal) continue;
    const choice = choices[diff.path] ?? 'mine';
    if (choice === 'mine') setPath(merged, diff.path, structuredClone(diff.mine));
  }
  return merged;
}
