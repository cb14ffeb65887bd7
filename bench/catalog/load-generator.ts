/*
 * Runs autocannon in its own process, so the load generator never shares an event loop with the
 * servers it measures, and prints its result as JSON on stdout. Started by run.ts:
 *   node -r ./tools/register.cjs bench/catalog/load-generator.ts '{"url":…,"paths":[…],"connections":50,"duration":10}'
 */
import autocannon from 'autocannon';

interface Options {
  url: string;
  paths: string[];
  connections: number;
  duration: number;
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2] ?? '{}') as Options;
  // With several paths, each connection cycles through them in turn.
  const result = await autocannon({ url: o.url, connections: o.connections, duration: o.duration, requests: o.paths.map((path) => ({ method: 'GET', path })) });
  process.stdout.write(
    JSON.stringify({
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
