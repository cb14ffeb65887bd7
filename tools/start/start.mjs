#!/usr/bin/env node
// `npm start`: checks this machine, installs what is missing, then starts the whole system with
// demo data. Plain Node with no dependencies, because it runs before `npm ci`.
import { execSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (s) => console.log(s);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  say(`Node ${process.versions.node} is too old: Roastery Market needs Node 20.19 or newer.`);
  process.exit(1);
}

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  say('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

/** Opens a TCP connection, optionally sends a probe, and resolves with the first bytes answered. */
function probe(port, send) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 1500 });
    const done = (v) => { socket.destroy(); resolve(v); };
    socket.once('connect', () => (send ? socket.write(send) : done('connected')));
    socket.once('data', (d) => done(d.toString('latin1')));
    socket.once('timeout', () => done(null));
    socket.once('error', () => done(null));
  });
}

const checks = [
  { name: 'PostgreSQL', port: 5432, ok: (r) => r !== null, start: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (Debian: apt-get install postgresql)" },
  { name: 'Redis', port: 6379, send: 'PING\r\n', ok: (r) => typeof r === 'string' && r.startsWith('+PONG'), start: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no   (Debian: apt-get install redis-server)' },
  { name: 'RabbitMQ', port: 5672, send: 'AMQP\x00\x00\x09\x01', ok: (r) => typeof r === 'string' && r.length > 0, start: 'rabbitmq-server -detached && rabbitmqctl await_startup   (Debian: apt-get install rabbitmq-server)' },
];
const missing = [];
for (const c of checks) {
  const answer = await probe(c.port, c.send);
  if (!c.ok(answer)) missing.push(c);
}
if (missing.length) {
  say('These services are not answering on their default local ports:');
  for (const m of missing) say(`  - ${m.name} on 127.0.0.1:${m.port}. Start it with:\n      ${m.start}`);
  say('Then run `npm start` again.');
  process.exit(1);
}

const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'tools/start/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
