import { Body, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { badRequest } from './api-exception';

/** Validates and transforms a value with a zod schema; failures are 400 with one detail per field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      const details = result.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), message: 'unknown field' }))
          : [{ path: i.path.join('.'), message: i.message }],
      );
      throw badRequest('request is invalid', details);
    }
    return result.data;
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return { type: 'object' };
  }
}

/** The request body, validated by a strict schema and documented in OpenAPI from the same schema. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: jsonSchema(schema) as never })(target, key, descriptor);
    }
    Body(new ZodValidationPipe(schema))(target, key, index);
  };
}

/** The query string, validated by a schema (unknown parameters refused when the schema is strict). */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) {
        for (const name of Object.keys(schema.shape)) ApiQuery({ name, required: false })(target, key, descriptor);
      }
    }
    Query(new ZodValidationPipe(schema))(target, key, index);
  };
}
