import { z } from 'zod';
import { assertProductionSafe, baseConfigSchema, ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('fills local defaults', () => {
    const c = loadConfig(baseConfigSchema, {});
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.MESSAGE_MAX_ATTEMPTS).toBe(5);
  });

  it('lists every invalid key at once', () => {
    const schema = baseConfigSchema.extend({ PORT: z.coerce.number().int().min(1) });
    expect(() => loadConfig(schema, { PORT: 'x', AMQP_NAMESPACE: 'Bad Name' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { PORT: 'x', AMQP_NAMESPACE: 'Bad Name' });
    } catch (e) {
      expect((e as ConfigError).issues.map((i) => i.split(':')[0]).sort()).toEqual(['AMQP_NAMESPACE', 'PORT']);
    }
  });

  it('refuses the development key in production', () => {
    const c = loadConfig(baseConfigSchema, { NODE_ENV: 'production', CLOCK_MODE: 'system' });
    expect(() => assertProductionSafe(c)).toThrow(/development key/);
  });
});
