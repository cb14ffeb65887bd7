import { envelopeSchema } from '../envelope';
import { buildEnvelope, examplePayloads } from '../testing';
import { eventCatalogue, findEvent } from './index';

describe('event catalogue', () => {
  it('has unique, dotted, past-tense-shaped routing keys', () => {
    const types = eventCatalogue.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const t of types) expect(t).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
  });

  it.each(eventCatalogue.map((d) => [d.type, d] as const))('%s: the example payload passes its schema inside a valid envelope', (type, def) => {
    const example = examplePayloads[type as keyof typeof examplePayloads];
    expect(def.schema.safeParse(example).success).toBe(true);
    expect(envelopeSchema.safeParse(buildEnvelope(def, example as never)).success).toBe(true);
  });

  it('lets payloads grow: unknown fields are stripped, not refused', () => {
    const def = findEvent('partner.activated')!;
    const parsed = def.schema.parse({ ...(examplePayloads['partner.activated'] as object), addedLater: 42 }) as Record<string, unknown>;
    expect(parsed['addedLater']).toBeUndefined();
  });

  it('refuses a payload missing a required field', () => {
    const { partnerId: _dropped, ...rest } = examplePayloads['partner.activated'] as Record<string, unknown>;
    expect(findEvent('partner.activated')!.schema.safeParse(rest).success).toBe(false);
  });
});
