import { composeProblems } from '@roastery/testing';
import { configSchema } from './config';

describe('docker-compose.yml', () => {
  it('runs admin-service with settings its configuration accepts', () => {
    expect(composeProblems({ service: 'admin-service', schema: configSchema, entry: 'apps/admin-service/src/main.ts' })).toEqual([]);
  });
});
