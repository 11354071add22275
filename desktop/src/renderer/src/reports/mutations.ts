import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServices } from '../app/services.js';

/** Promote the A/B winner: the server decides with the shared statistics and saves the working copy. */
export function usePromoteWinner(campaignId: string) {
  const { api, runner } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'online',
    mutationFn: () => api.promoteWinner(campaignId),
    onSuccess: async () => {
      // The new working copy arrives through sync.
      runner.requestSync();
      await queryClient.invalidateQueries({ queryKey: ['server'] });
    },
  });
}
