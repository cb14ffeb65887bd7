import { composeProblems } from '@roastery/testing';
import { configSchema } from './config';

describe('docker-compose.yml', () => {
  it('runs business-service with settings its configuration accepts', () => {
    expect(composeProblems({ service: 'business-service', schema: configSchema, entry: 'apps/business-service/src/main.ts' })).toEqual([]);
  });
});
