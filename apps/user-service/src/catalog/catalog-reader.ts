import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueryConfig, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';

interface Pool {
  query(config: QueryConfig): Promise<QueryResult>;
}

/**
 * Runs the catalog's read statements on TypeORM's own pool, as named prepared statements when
 * their best plan does not depend on the parameter values (browse pages, detail, rankings): parse
 * and analysis then happen once per connection, and PostgreSQL may keep a generic plan. Searches
 * and origin or price filters run unprepared, planned for their actual values every time: a
 * generic plan for `LIKE $1` would use the trigram index even for a two-letter word, which it
 * cannot narrow (ADR 0011, BENCHMARKS.md).
 */
@Injectable()
export class CatalogReader {
  private readonly names = new Map<string, string>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The rows of one statement; a prepared shape seen before reuses its prepared statement. */
  async query<T>(statement: { sql: string; params: unknown[]; prepare: boolean }): Promise<T[]> {
    const pool = (this.ds.driver as unknown as { master: Pool }).master;
    const { sql: text, params: values } = statement;
    const result = await pool.query(statement.prepare ? { name: this.nameOf(text), text, values } : { text, values });
    return result.rows as T[];
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `catalog_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      // Statement shapes are bounded (filters × sorts × words), but never let the map grow unbounded.
      if (this.names.size > 5000) this.names.clear();
      this.names.set(text, name);
    }
    return name;
  }
}
