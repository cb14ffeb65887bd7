import { Writable } from 'node:stream';
import pino from 'pino';
import { runInContext } from './context';
import { REDACTED_PATHS } from './logger';

describe('logger redaction and correlation', () => {
  it('never writes secrets and stamps the correlation id', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, mixin: () => ({ correlationId: 'c-1' }) }, sink);
    runInContext({ correlationId: 'c-1', causationId: null }, () =>
      log.info({ body: { password: 'hunter2hunter2', billingKey: 'bk_live_123' }, refreshToken: 'rt_abc' }, 'x'),
    );
    const out = lines.join('');
    expect(out).not.toContain('hunter2hunter2');
    expect(out).not.toContain('bk_live_123');
    expect(out).not.toContain('rt_abc');
    expect(out).toContain('"correlationId":"c-1"');
  });
});
