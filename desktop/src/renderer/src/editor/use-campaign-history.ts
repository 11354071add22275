import { useCallback, useEffect, useRef, useState } from 'react';
import type { Campaign } from '@promo/shared';
import { useSaveCampaign } from '../campaigns/mutations.js';
import { createHistory, pushHistory, redo, resetHistory, undo, type History } from './graph/history.js';

/** JSON of a campaign without its version: the server version is not part of an edit. */
export function editKey(campaign: Campaign): string {
  const { version: _version, ...rest } = campaign;
  return JSON.stringify(rest);
}

export const AUTOSAVE_MS = 300;

/**
 * The campaign being edited with undo/redo, autosaved to the local store (and so to the outbox)
 * shortly after each change, always on the server version the editor's copy is based on.
 * A newer copy arriving in the store from elsewhere (sync, conflict resolution) replaces the
 * editor state when the planner has nothing unsaved; with unsaved edits the editor keeps them on
 * the old base, so the push raises a conflict rather than losing either side.
 */
export function useCampaignHistory(stored: Campaign, storedBase: number) {
  const [history, setHistory] = useState<History<Campaign>>(() => createHistory(stored));
  const { mutate: save, isPending } = useSaveCampaign();
  const lastSaved = useRef(editKey(stored));
  const base = useRef(storedBase);
  const saving = useRef(false);

  useEffect(() => {
    const key = editKey(history.present);
    if (key === lastSaved.current) return undefined;
    const timer = window.setTimeout(() => {
      lastSaved.current = key;
      saving.current = true;
      save({ campaign: history.present, basedOn: base.current }, { onSettled: () => (saving.current = false) });
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [history.present, save]);

  const present = useRef(history.present);
  present.current = history.present;

  useEffect(() => {
    const key = editKey(stored);
    if (saving.current) return;
    if (key === lastSaved.current) {
      // Our own content, now accepted on a newer server version.
      base.current = storedBase;
      return;
    }
    if (editKey(present.current) !== lastSaved.current) return;
    lastSaved.current = key;
    base.current = storedBase;
    setHistory(resetHistory(stored));
  }, [stored, storedBase]);

  const update = useCallback((next: Campaign | ((current: Campaign) => Campaign), coalesceKey: string | null = null) => {
    setHistory((h) => pushHistory(h, typeof next === 'function' ? next(h.present) : next, coalesceKey));
  }, []);

  return {
    campaign: history.present,
    update,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    isSaving: isPending,
  };
}
