import { describe, expect, it } from 'vitest';
import { decideStoredChange, type StoredChangeInput } from './stored-change.js';

const base: StoredChangeInput = { storedKey: 'A', storedBase: 1, ownKeys: new Set(['A']), base: 0, saving: false, presentKey: 'A', lastSavedKey: 'A' };

describe('editor reaction to a changed stored copy', () => {
  it('moves to the newer version when the server accepted our content', () => {
    expect(decideStoredChange(base)).toEqual({ kind: 'adopt-base', base: 1 });
  });

  it('adopts the accepted version even while a newer save is in flight', () => {
    expect(decideStoredChange({ ...base, ownKeys: new Set(['A', 'B']), saving: true, presentKey: 'B', lastSavedKey: 'B' })).toEqual({ kind: 'adopt-base', base: 1 });
  });

  it('never moves the base backwards for our own content', () => {
    expect(decideStoredChange({ ...base, storedBase: 0, base: 2 })).toEqual({ kind: 'adopt-base', base: 2 });
  });

  it('keeps unsaved edits on the old base when someone else changed the campaign', () => {
    expect(decideStoredChange({ ...base, storedKey: 'THEIRS', storedBase: 3, presentKey: 'A+typing' })).toEqual({ kind: 'keep-edits' });
    expect(decideStoredChange({ ...base, storedKey: 'THEIRS', storedBase: 3, saving: true })).toEqual({ kind: 'keep-edits' });
  });

  it('shows the other copy when nothing here is unsaved', () => {
    expect(decideStoredChange({ ...base, storedKey: 'THEIRS', storedBase: 3 })).toEqual({ kind: 'replace', base: 3 });
  });
});
