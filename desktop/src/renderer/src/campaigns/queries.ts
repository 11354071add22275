import { useQuery } from '@tanstack/react-query';
import { useServices } from '../app/services.js';

/** React Query keys of locally stored documents; the sync runner invalidates `local` after a round. */
export const localKeys = {
  all: ['local'] as const,
  campaigns: () => [...localKeys.all, 'campaigns'] as const,
  campaign: (id: string) => [...localKeys.all, 'campaign', id] as const,
  themes: () => [...localKeys.all, 'themes'] as const,
  outbox: () => [...localKeys.all, 'outbox'] as const,
  conflicts: () => [...localKeys.all, 'conflicts'] as const,
  catalogCount: () => [...localKeys.all, 'catalog-count'] as const,
  catalogSearch: (q: string, categoryId: string) => [...localKeys.all, 'catalog', q, categoryId] as const,
  categories: () => [...localKeys.all, 'categories'] as const,
};

export function useLocalCampaigns() {
  const { db } = useServices();
  return useQuery({
    queryKey: localKeys.campaigns(),
    queryFn: async () => (await db.campaigns.toArray()).filter((c) => !c.pendingDelete),
  });
}

export function useLocalCampaign(id: string) {
  const { db } = useServices();
  return useQuery({ queryKey: localKeys.campaign(id), queryFn: async () => (await db.campaigns.get(id)) ?? null });
}

export function useLocalThemes() {
  const { db } = useServices();
  return useQuery({
    queryKey: localKeys.themes(),
    queryFn: async () => (await db.themes.toArray()).filter((t) => !t.pendingDelete),
  });
}

export function useOutbox() {
  const { db } = useServices();
  return useQuery({ queryKey: localKeys.outbox(), queryFn: () => db.outbox.orderBy('enqueuedAt').toArray() });
}

export function useConflicts() {
  const { db } = useServices();
  return useQuery({ queryKey: localKeys.conflicts(), queryFn: () => db.conflicts.toArray() });
}
