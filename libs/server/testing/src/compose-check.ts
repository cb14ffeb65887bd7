import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
}

/** The repository's docker-compose.yml, parsed with its YAML merge keys resolved. */
export function loadCompose(file = resolve(__dirname, '../../../../docker-compose.yml')): { services: Record<string, ComposeService> } {
  return parse(readFileSync(file, 'utf8'), { merge: true });
}

/**
 * Lists what would stop a service from running under docker compose as configured: no entry,
 * the wrong entry point, environment its config schema rejects or does not know, a port that is
 * not the one it listens on, or infrastructure it does not wait for. Empty means consistent.
 */
export function composeProblems(o: { service: string; schema: z.ZodObject; entry: string }): string[] {
  const problems: string[] = [];
  const svc = loadCompose().services[o.service];
  if (!svc) return [`no service "${o.service}" in docker-compose.yml`];
  if (!svc.command?.includes(o.entry)) problems.push(`command does not run ${o.entry}`);
  const env = svc.environment ?? {};
  const known = new Set(Object.keys(o.schema.shape));
  for (const key of Object.keys(env)) if (!known.has(key)) problems.push(`environment ${key} is not a setting of ${o.service}`);
  const parsed = o.schema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `environment ${i.path.join('.')}: ${i.message}`));
  else {
    const port = String((parsed.data as { PORT: number }).PORT);
    if (!(svc.ports ?? []).some((p) => p.endsWith(`:${port}`))) problems.push(`PORT ${port} is not published`);
    if ((parsed.data as { HOST?: string }).HOST !== '0.0.0.0') problems.push('HOST must be 0.0.0.0 inside a container');
  }
  const deps: Record<string, { condition?: string }> = Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((d) => [d, {}])) : (svc.depends_on ?? {});
  for (const infra of ['postgres', 'redis', 'rabbitmq']) {
    if (deps[infra]?.condition !== 'service_healthy') problems.push(`does not wait for a healthy ${infra}`);
  }
  return problems;
}
