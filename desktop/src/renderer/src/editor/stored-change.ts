/** What the editor knows when the stored copy of its campaign changes. */
export interface StoredChangeInput {
  /** Edit key (content without version) of the new stored copy, and its server base version. */
  storedKey: string;
  storedBase: number;
  /** Contents this editor saved or adopted. */
  ownKeys: ReadonlySet<string>;
  /** The base the editor's next save declares. */
  base: number;
  saving: boolean;
  presentKey: string;
  lastSavedKey: string;
}

export type StoredChangeDecision =
  /** Our own content (maybe accepted on a newer version): keep editing, on the newer base. */
  | { kind: 'adopt-base'; base: number }
  /** Someone else's content while we have unsaved or in-flight work: keep ours on the old base. */
  | { kind: 'keep-edits' }
  /** Someone else's content and nothing unsaved here: show theirs. */
  | { kind: 'replace'; base: number };

/**
 * How the editor reacts to a change of the stored copy (pull, push result, conflict resolution).
 * The base never moves backwards for our own content, so a save racing a push acceptance
 * cannot declare a stale base and conflict with itself.
 */
export function decideStoredChange(input: StoredChangeInput): StoredChangeDecision {
  if (input.ownKeys.has(input.storedKey)) return { kind: 'adopt-base', base: Math.max(input.base, input.storedBase) };
  if (input.saving || input.presentKey !== input.lastSavedKey) return { kind: 'keep-edits' };
  return { kind: 'replace', base: input.storedBase };
}
