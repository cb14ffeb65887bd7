import 'reflect-metadata';
import { createApp } from './app';
import { parseConfig } from './config';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const app = await createApp(process.env);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((e) => {
  console.error('user-service failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
