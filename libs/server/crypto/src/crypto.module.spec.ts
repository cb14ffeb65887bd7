import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CryptoModule } from './crypto.module';
import { KeyringConfigError } from './crypto-errors';
import { Keyring } from './keyring';

const CONFIG = Symbol('CONFIG');
interface Config {
  ENCRYPTION_KEYS: string;
  ENCRYPTION_ACTIVE_KEY_ID: string;
}

// Stands in for the service's configuration module.
function configModule(config: Config) {
  @Module({ providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] })
  class ConfigModule {}
  return ConfigModule;
}

function cryptoModule(config: Config) {
  return CryptoModule.forRootAsync({
    imports: [configModule(config)],
    inject: [CONFIG],
    useFactory: (c: Config) => ({ keys: c.ENCRYPTION_KEYS, activeKeyId: c.ENCRYPTION_ACTIVE_KEY_ID }),
  });
}

describe('CryptoModule', () => {
  it('provides a Keyring built from the configuration', async () => {
    const key = randomBytes(32).toString('base64');
    const app = await Test.createTestingModule({
      imports: [cryptoModule({ ENCRYPTION_KEYS: `k1:${key}`, ENCRYPTION_ACTIVE_KEY_ID: 'k1' })],
    }).compile();

    const keyring = app.get(Keyring);
    expect(keyring.activeKeyId).toBe('k1');
    expect(keyring.decrypt(keyring.encrypt('x', 'row'), 'row')).toBe('x');
    await app.close();
  });

  it('stops start-up on a bad key spec', async () => {
    const compiling = Test.createTestingModule({
      imports: [cryptoModule({ ENCRYPTION_KEYS: 'k1:c2hvcnQ=', ENCRYPTION_ACTIVE_KEY_ID: 'k1' })],
    }).compile();
    await expect(compiling).rejects.toBeInstanceOf(KeyringConfigError);
  });
});
