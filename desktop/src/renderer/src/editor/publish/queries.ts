import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.js';
import { useServices } from '../../app/services.js';
import type { LifecycleAction } from '../../api/studio-api.js';

/** Server-side data (needs the network): React Query keys under `server`. */
export const serverKeys = {
  versions: (id: string) => ['server', 'versions', id] as const,
  audit: (id: string) => ['server', 'audit', id] as const,
};

export function useVersions(campaignId: string, enabled: boolean) {
  const { api } = useServices();
  return useQuery({
    queryKey: serverKeys.versions(campaignId),
    // A campaign never published has no version history: the server answers 404.
    queryFn: () => api.versions(campaignId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e))),
    enabled,
    networkMode: 'online',
    staleTime: 10_000,
  });
}

export function useAudit(campaignId: string, enabled: boolean) {
  const { api } = useServices();
  return useQuery({ queryKey: serverKeys.audit(campaignId), queryFn: () => api.audit(campaignId), enabled, networkMode: 'online', staleTime: 10_000 });
}

/** Publish / pause / resume / end / archive; the new status comes back through sync. */
export function useLifecycle(campaignId: string) {
  const { api, runner } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'online',
    mutationFn: (action: LifecycleAction) => api.lifecycle(campaignId, action),
    onSuccess: async () => {
      runner.requestSync();
      await queryClient.invalidateQueries({ queryKey: ['server'] });
    },
  });
}
