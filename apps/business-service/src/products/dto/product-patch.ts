import { Body, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { updateProductRequestSchema } from '@roastery/contracts';
import { ZodValidationPipe } from '@roastery/http';
import { z } from 'zod';

type UpdateOutput = z.output<typeof updateProductRequestSchema>;

/** A validated PATCH body holding only the fields the client sent (nested `origin` included). */
export type ProductPatch = Omit<UpdateOutput, 'origin'> & { origin?: Partial<NonNullable<UpdateOutput['origin']>> };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps the parsed value's keys that the raw body actually had. The contract's update schema is
 * `productContentSchema.partial()`, whose fields keep their defaults, so a parsed `{description}`
 * also carries `producer: ''`, `roastLevel: null` … — applied as is, a PATCH would wipe them.
 */
export function sentFieldsOnly(raw: unknown, parsed: unknown): unknown {
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return parsed;
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => Object.hasOwn(raw, k)).map(([k, v]) => [k, sentFieldsOnly(raw[k], v)]));
}

class SentFieldsPipe implements PipeTransform {
  private readonly validate: ZodValidationPipe<z.ZodType>;
  constructor(schema: z.ZodType) {
    this.validate = new ZodValidationPipe(schema);
  }

  transform(value: unknown): unknown {
    return sentFieldsOnly(value ?? {}, this.validate.transform(value));
  }
}

/** A PATCH body validated by a strict schema, reduced to the fields sent, and documented in OpenAPI. */
export function ValidPatch(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as never })(target, key, descriptor);
    }
    Body(new SentFieldsPipe(schema))(target, key, index);
  };
}
