import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useServices } from '../app/services.js';
import { localKeys } from '../campaigns/queries.js';
import { refreshCatalogCache } from './catalog-cache.js';

/** The whole cached catalog (read once; searching is in memory so it works offline and instantly). */
export function useCatalog() {
  const { db } = useServices();
  return useQuery({
    queryKey: [...localKeys.all, 'catalog-all'],
    queryFn: async () => ({ items: await db.catalog.toArray(), categories: await db.categories.toArray() }),
  });
}

export function useRefreshCatalog() {
  const { db, api } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshCatalogCache(db, api),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: localKeys.all }),
  });
}
