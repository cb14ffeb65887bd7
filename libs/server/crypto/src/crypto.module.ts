import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { Keyring } from './keyring';

/** The keyring settings, usually ENCRYPTION_KEYS and ENCRYPTION_ACTIVE_KEY_ID from the service config. */
export interface CryptoModuleOptions {
  keys: string;
  activeKeyId: string;
}

/** How a service supplies its keyring settings. */
export interface CryptoModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => CryptoModuleOptions | Promise<CryptoModuleOptions>;
  /** Registers Keyring for every module of the app (default true). */
  global?: boolean;
}

/** Provides the Keyring; a bad key spec stops the application at start-up. */
@Module({})
export class CryptoModule {
  /** Registers a Keyring built from the options `useFactory` returns. */
  static forRootAsync(options: CryptoModuleAsyncOptions): DynamicModule {
    return {
      module: CryptoModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: Keyring,
          inject: options.inject ?? [],
          useFactory: async (...args: never[]) => {
            const { keys, activeKeyId } = await options.useFactory(...args);
            return Keyring.fromConfig(keys, activeKeyId);
          },
        },
      ],
      exports: [Keyring],
    };
  }
}
