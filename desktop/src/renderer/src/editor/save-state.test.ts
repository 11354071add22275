import { describe, expect, it } from 'vitest';
import { editorSaveState } from './save-state.js';

describe('editor save state in the header', () => {
  it('says unsaved while an edit waits for its autosave, even over a clean stored copy', () => {
    expect(editorSaveState({ hasUnsavedEdit: true, isSaving: false, dirty: false })).toBe('unsaved');
    expect(editorSaveState({ hasUnsavedEdit: true, isSaving: true, dirty: true })).toBe('unsaved');
  });

  it('says saving while the local write runs', () => {
    expect(editorSaveState({ hasUnsavedEdit: false, isSaving: true, dirty: false })).toBe('saving');
  });

  it('says saved only when the stored copy is clean and nothing waits', () => {
    expect(editorSaveState({ hasUnsavedEdit: false, isSaving: false, dirty: true })).toBe('unsynced');
    expect(editorSaveState({ hasUnsavedEdit: false, isSaving: false, dirty: false })).toBe('saved');
  });
});
