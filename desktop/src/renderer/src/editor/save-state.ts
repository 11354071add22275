/** What the editor header says about the campaign being edited. */
export type EditorSaveState = 'unsaved' | 'saving' | 'unsynced' | 'saved';

/**
 * An edit waiting for its autosave is not in the local store yet, so the header must not say
 * "saved" during that window; a stored copy not yet accepted by the server is "not synced".
 */
export function editorSaveState(input: { hasUnsavedEdit: boolean; isSaving: boolean; dirty: boolean }): EditorSaveState {
  if (input.hasUnsavedEdit) return 'unsaved';
  if (input.isSaving) return 'saving';
  return input.dirty ? 'unsynced' : 'saved';
}
