import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** Form values as typed: blank strings mean "not given" to the shared schemas (optional fields). */
export function blankToUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? undefined : value]));
}

/**
 * zodResolver with a shared request schema whose input differs a little from the form's
 * strings: `toInput` maps the form values first (default: blank → undefined). Issues keep
 * their field paths, so each message lands next to its field.
 */
export function sharedSchemaResolver<Values extends FieldValues, Output>(
  schema: z.ZodType<Output>,
  toInput: (values: Values) => unknown = (values) => blankToUndefined(values),
): Resolver<Values, unknown, Output> {
  const resolve = zodResolver(schema as unknown as z.ZodType<Output, Values>);
  return (values, context, options) => resolve(toInput(values) as Values, context, options);
}
