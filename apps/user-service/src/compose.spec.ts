import { composeProblems } from '@roastery/testing';
import { configSchema } from './config';

describe('docker-compose.yml', () => {
  it('runs user-service with settings its configuration accepts', () => {
    expect(composeProblems({ service: 'user-service', schema: configSchema, entry: 'apps/user-service/src/main.ts' })).toEqual([]);
  });
});
