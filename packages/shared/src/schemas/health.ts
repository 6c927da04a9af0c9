import { z } from 'zod';
import { text } from './text.js';

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.enum(['up-to-date', 'pending']),
  /**
   * The 醫事機構卡 CRLs in use: stale (a nextUpdate passed, or a source has delivered none) does
   * not make the instance unready (paper review still works) but tells operators to act.
   */
  cardCrls: z.object({
    status: z.enum(['current', 'stale', 'not-configured']),
    stale: z.array(z.object({ issuer: text(), nextUpdate: text().nullable() })),
  }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
