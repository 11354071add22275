import { useCallback, useEffect, useRef, useState } from 'react';
import type { Campaign } from '@promo/shared';
import { useSaveCampaign } from '../campaigns/mutations.js';
import { createAutosave } from './autosave.js';
import { createHistory, pushHistory, redo, resetHistory, undo, type History } from './graph/history.js';
import { decideStoredChange } from './stored-change.js';

/** JSON of a campaign without its version: the server version is not part of an edit. */
export function editKey(campaign: Campaign): string {
  const { version: _version, ...rest } = campaign;
  return JSON.stringify(rest);
}

export const AUTOSAVE_MS = 300;
const OWN_KEYS_KEPT = 50;

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
  // Contents this editor wrote (or adopted): the store showing one of them is our own work,
  // possibly accepted by the server on a newer version, never someone else's change.
  const ownKeys = useRef(new Set([editKey(stored)]));
  const base = useRef(storedBase);
  const saving = useRef(false);
  const present = useRef(history.present);
  present.current = history.present;

  const saveRef = useRef(save);
  saveRef.current = save;
  const [pendingSave, setPendingSave] = useState(false);
  const [autosave] = useState(() =>
    createAutosave<Campaign>({
      delayMs: AUTOSAVE_MS,
      onPendingChange: setPendingSave,
      save: (campaign) => {
        const key = editKey(campaign);
        lastSaved.current = key;
        ownKeys.current.add(key);
        // Only recent saves can still be echoed back by the server; keep the set small.
        if (ownKeys.current.size > OWN_KEYS_KEPT) ownKeys.current.delete(ownKeys.current.values().next().value ?? key);
        saving.current = true;
        const own = ownKeys.current;
        saveRef.current(
          { campaign, guard: { basedOn: base.current, isOwnContent: (doc) => own.has(editKey(doc as Campaign)) } },
          { onSettled: () => (saving.current = false) },
        );
      },
    }),
  );

  useEffect(() => {
    if (editKey(history.present) === lastSaved.current) autosave.cancel();
    else autosave.schedule(history.present);
  }, [history.present, autosave]);

  // Leaving the editor (Simulate, Back, another screen) saves the edit still waiting for its timer.
  useEffect(() => () => autosave.flush(), [autosave]);

  useEffect(() => {
    const storedKey = editKey(stored);
    const decision = decideStoredChange({
      storedKey,
      storedBase,
      ownKeys: ownKeys.current,
      base: base.current,
      saving: saving.current,
      presentKey: editKey(present.current),
      lastSavedKey: lastSaved.current,
    });
    if (decision.kind === 'keep-edits') return;
    base.current = decision.base;
    if (decision.kind === 'replace') {
      lastSaved.current = storedKey;
      ownKeys.current = new Set([storedKey]);
      setHistory(resetHistory(stored));
    }
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
    /** An edit is waiting for its autosave: not yet in the local store. */
    hasUnsavedEdit: pendingSave,
  };
}
