import { z } from 'zod';
import { text } from './text.js';

/** Every 4xx/5xx body. `message` is zh-TW and safe to show to the user. */
export const ErrorBodySchema = z.object({
  code: text(),
  message: text(),
  fieldErrors: z.record(text(), z.array(text())).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
