import { Client } from 'pg';

/**
 * Counts SQL statements sent by every pg client of this process (TypeORM included), by wrapping
 * pg's Client.prototype.query. Install before any connection is made.
 */
export class SqlCounter {
  private statements: string[] = [];
  private recording = false;

  static install(): SqlCounter {
    const counter = new SqlCounter();
    const original = Client.prototype.query as (...args: unknown[]) => unknown;
    (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
      if (counter.recording) {
        const first = args[0] as string | { text?: string };
        counter.statements.push(typeof first === 'string' ? first : (first?.text ?? ''));
      }
      return original.apply(this, args);
    };
    return counter;
  }

  /** Records what the callback sends; returns all statements and those touching the catalog tables. */
  async during(fn: () => Promise<void>): Promise<{ all: number; catalog: number; sample: string[] }> {
    this.statements = [];
    this.recording = true;
    try {
      await fn();
    } finally {
      this.recording = false;
    }
    const catalog = this.statements.filter((s) => /catalog_/.test(s));
    return { all: this.statements.length, catalog: catalog.length, sample: [...new Set(this.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)))] };
  }
}
