import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** Installs the global AuthGuard with the given token verifier. */
@Module({})
export class AuthModule {
  static forRootAsync(options: { imports?: ModuleMetadata['imports']; inject?: never[]; useFactory: (...deps: never[]) => TokenVerifier }): DynamicModule {
    return {
      module: AuthModule,
      imports: options.imports ?? [],
      providers: [
        { provide: TokenVerifier, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
