import { z } from 'zod';

/** Every 4xx/5xx body. `message` is zh-TW and safe to show to the user. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
