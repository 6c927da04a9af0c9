import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { bindSessionEvents } from './session';

export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will fail the same way again; network blips and 5xx get two more tries.
        retry: retry
          ? (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2
          : false,
      },
    },
  });
  bindSessionEvents(queryClient);
  return queryClient;
}
