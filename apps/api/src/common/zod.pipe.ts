import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Field-by-field reasons for a zod failure, in the `details` shape of CONTRACT.md's error body. */
export function zodDetails(error: z.ZodError): { field: string; reason: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', reason: issue.message }));
}

/** Validates a body, query or param with a zod schema; a failure is a 400 naming every offending field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly what = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      const details = zodDetails(result.error);
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `invalid ${this.what}: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
        details,
      });
    }
    return result.data;
  }
}
