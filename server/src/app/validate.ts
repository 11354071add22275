import type { z } from 'zod';
import { AppError } from './app-error.js';

/** One issue per bad field, named by its dotted path (`lines.0.quantity`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Parses `input` with `schema`, or throws a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : where,
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError('bad_request', first ? `${where}: ${first.field}: ${first.message}` : `invalid ${where}`, { issues });
}
