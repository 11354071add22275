import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, Theme } from '@promo/shared';
import { useServices } from '../app/services.js';
import { deleteDocLocally, saveDocLocally, type SaveGuard } from '../db/local-docs.js';
import { localKeys } from './queries.js';

/** Every local write goes through here: store + outbox, refresh views, nudge the sync runner. */
function useAfterLocalWrite() {
  const queryClient = useQueryClient();
  const { runner } = useServices();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: localKeys.all });
    await runner.refreshCounts();
    runner.requestSync();
  };
}

export function useSaveCampaign() {
  const { db, nowMs } = useServices();
  const after = useAfterLocalWrite();
  return useMutation({
    networkMode: 'always',
    mutationFn: (input: Campaign | { campaign: Campaign; guard: SaveGuard }) =>
      'guard' in input ? saveDocLocally(db, 'campaign', input.campaign, nowMs(), input.guard) : saveDocLocally(db, 'campaign', input, nowMs()),
    onSuccess: after,
  });
}

export function useDeleteCampaign() {
  const { db, nowMs } = useServices();
  const after = useAfterLocalWrite();
  return useMutation({
    networkMode: 'always',
    mutationFn: (id: string) => deleteDocLocally(db, 'campaign', id, nowMs()),
    onSuccess: after,
  });
}

export function useSaveTheme() {
  const { db, nowMs } = useServices();
  const after = useAfterLocalWrite();
  return useMutation({
    networkMode: 'always',
    mutationFn: (theme: Theme) => saveDocLocally(db, 'theme', theme, nowMs()),
    onSuccess: after,
  });
}

/** A theme and its campaigns are stored in one go (festival templates). */
export function useCreateTheme() {
  const { db, nowMs } = useServices();
  const after = useAfterLocalWrite();
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ theme, campaigns }: { theme: Theme; campaigns: Campaign[] }) => {
      await saveDocLocally(db, 'theme', theme, nowMs());
      for (const campaign of campaigns) await saveDocLocally(db, 'campaign', campaign, nowMs());
    },
    onSuccess: after,
  });
}
