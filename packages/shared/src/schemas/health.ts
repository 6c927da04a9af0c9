import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.enum(['up-to-date', 'pending']),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
