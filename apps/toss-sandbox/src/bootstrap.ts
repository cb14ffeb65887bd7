import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { systemClock, type Clock } from './clock';
import { newTraceId } from './common/ids';
import { ensureDatabase } from './database/ensure-database';
import type { SettingsPatch } from './settings/sandbox-settings';

/** The database used when none is given. */
export const DEFAULT_SANDBOX_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/roastery_toss_sandbox';

/** How to start a sandbox; everything has a default. */
export interface SandboxBootOptions {
  /** 3100 by default; 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string;
  /** Business time (defaults to the system clock). */
  clock?: Clock;
  /** Boot-time settings; changes made later through /sandbox/settings are persisted and win. */
  settings?: SettingsPatch;
  /** How often due webhooks are looked for (1000 ms by default). */
  webhookPollMs?: number;
  /** Nest log levels, or false for silence. */
  logger?: LogLevel[] | false;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** Base URL, e.g. `http://127.0.0.1:3100`: the client's `baseUrl`, the window at `/window/billing-auth`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the sandbox in this process: creates its database if missing, runs the migrations and
 * listens. Tests call it directly; main.ts calls it with the environment's settings.
 */
export async function bootstrapSandbox(options: SandboxBootOptions = {}): Promise<RunningSandbox> {
  const databaseUrl = options.databaseUrl ?? DEFAULT_SANDBOX_DATABASE_URL;
  const host = options.host ?? '127.0.0.1';
  await ensureDatabase(databaseUrl);

  const adapter = new FastifyAdapter();
  adapter.getInstance().addHook('onRequest', (_req, reply, done) => {
    void reply.header('X-TossPayments-Trace-Id', newTraceId());
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ databaseUrl, clock: options.clock ?? systemClock, settings: options.settings, webhookPollMs: options.webhookPollMs ?? 1000 }),
    adapter,
    { logger: options.logger ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  try {
    await app.listen({ port: options.port ?? 3100, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { url: `http://${urlHost}:${port}`, close: () => app.close() };
}
