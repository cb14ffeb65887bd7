import { randomUUID } from 'node:crypto';
import { type EventDefinition, type MessageEnvelope, type PayloadOf, catalogItemPublished, catalogItemWithdrawn, orderPaid, productStockChanged } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { type Clock, CLOCK } from '@roastery/clock';
import { REDIS } from '@roastery/persistence';
import { createTestApp, HttpClient, type TestApp, waitFor } from '@roastery/testing';
import type Redis from 'ioredis';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { CatalogCache } from '../src/catalog/catalog-cache';
import { CatalogPopularity } from '../src/catalog/catalog-popularity';

type Published = PayloadOf<typeof catalogItemPublished>;
type Content = Published['content'];
type Option = Content['options'][number];

/** Handlers each event type has in user-service; a message is done when all have an inbox row. */
const HANDLERS: Record<string, number> = { 'catalog.item.published': 2, 'catalog.item.withdrawn': 2, 'product.stock.changed': 2, 'order.paid': 1 };

describe('user-service subscriber catalog (events → read model → HTTP, real PostgreSQL, Redis, RabbitMQ)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(createApp, { service: 'user-catalog', env: { CATALOG_LOW_STOCK_THRESHOLD: '5' } });
  });
  afterAll(() => t.close());

  // ---- helpers: events as admin-service and business-service would publish them ----

  async function send<D extends EventDefinition>(def: D, payload: PayloadOf<D>, envelope?: MessageEnvelope): Promise<MessageEnvelope> {
    const env = envelope ?? buildEnvelope(def, payload, { source: 'test' });
    await t.bus.publishRaw(def.type, env);
    await processed(env.id, HANDLERS[def.type]);
    return env;
  }

  async function processed(messageId: string, handlers: number): Promise<void> {
    await waitFor(async () => Number((await t.db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [messageId]))[0].count) >= handlers || undefined, `message ${messageId} handled`);
  }

  const option = (priceWon: number, over: Partial<Option> = {}): Option => ({ id: randomUUID(), weightGrams: 200, grind: 'WHOLE_BEAN', priceWon, ...over });

  function item(over: { content?: Partial<Content>; partner?: { id: string; name: string }; lotKey?: string; publishedAt?: string; itemVersion?: number } = {}): Published {
    const base = examplePayloads['catalog.item.published'] as Published;
    return {
      ...base,
      catalogItemId: randomUUID(),
      productId: randomUUID(),
      itemVersion: over.itemVersion ?? 1,
      partner: over.partner ?? { id: randomUUID(), name: 'Bean Brothers Roastery' },
      content: { ...exampleVersionContent, options: [option(18_000), option(39_000, { weightGrams: 500, grind: 'FILTER' })], ...over.content },
      lotKey: over.lotKey ?? `lot|${randomUUID()}`,
      publishedAt: over.publishedAt ?? new Date().toISOString(),
    };
  }

  const publish = (p: Published) => send(catalogItemPublished, p);
  const withdraw = (p: Published, itemVersion: number) =>
    send(catalogItemWithdrawn, { catalogItemId: p.catalogItemId, itemVersion, productId: p.productId, reason: 'PRODUCT_WITHDRAWN', withdrawnAt: new Date().toISOString() });
  const stock = (p: Published, optionId: string, units: number, stockVersion: number) =>
    send(productStockChanged, { productId: p.productId, partnerId: p.partner.id, optionId, stock: units, stockVersion, changedAt: new Date().toISOString() });
  const republish = (p: Published, itemVersion: number, content: Partial<Content> = {}): Published => ({ ...p, itemVersion, content: { ...p.content, ...content } });

  const list = (query: string) => t.http.get(`/api/catalog/items?${query}`);
  const names = async (query: string) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    return (res.body.items as { name: string }[]).map((i) => i.name);
  };
  const detail = (id: string) => t.http.get(`/api/catalog/items/${id}`);
  /** A word no other test uses, so a search for it sees only this test's items. */
  const tag = () => `zq${Math.random().toString(36).slice(2, 8)}`;

  // ---- tests ----

  it('lists a published item and shows it in detail with options, stock, roaster and version', async () => {
    const word = tag();
    const p = item({ content: { name: `Ethiopia Konga ${word}` }, partner: { id: randomUUID(), name: 'Bean Brothers Roastery' } });
    await stock(p, p.content.options[0].id, 40, 1);
    await publish(p);

    const page = await list(`q=${word}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/application\/json/);
    expect(page.body).toMatchObject({ page: 1, size: 20, total: 1 });
    expect(page.body.items[0]).toEqual({
      id: p.catalogItemId,
      name: p.content.name,
      partner: p.partner,
      origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
      process: 'Washed',
      roastLevel: 'LIGHT',
      tastingNotes: ['jasmine', 'bergamot', 'peach'],
      imageUrl: 'https://images.example.com/konga.jpg',
      priceFrom: 18_000,
      stockStatus: 'IN_STOCK',
      publishedAt: new Date(p.publishedAt).toISOString(),
    });

    const d = await detail(p.catalogItemId);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      id: p.catalogItemId,
      version: 1,
      partner: p.partner,
      producer: 'Konga Washing Station',
      lot: 'Lot 7',
      variety: 'Heirloom',
      description: exampleVersionContent.description,
      imageUrls: exampleVersionContent.imageUrls,
      stockStatus: 'IN_STOCK',
      alsoRoastedBy: [],
    });
    expect(d.body.options).toEqual([
      { ...p.content.options[0], stockStatus: 'IN_STOCK' },
      { ...p.content.options[1], stockStatus: 'SOLD_OUT' },
    ]);
  });

  describe('duplicated and out-of-order events', () => {
    it('keeps version 2 when version 1 arrives after it, and ignores a duplicate', async () => {
      const v1 = item({ content: { name: 'Order test v1' } });
      const v2 = republish(v1, 2, { name: 'Order test v2' });
      await publish(v2);
      await publish(v1);
      expect((await detail(v1.catalogItemId)).body).toMatchObject({ version: 2, name: 'Order test v2' });

      // The same message delivered again, and the same version under a new message id.
      const again = await send(catalogItemPublished, v2);
      await t.bus.publishRaw(catalogItemPublished.type, again);
      await publish({ ...v2, content: { ...v2.content, name: 'same version, other content' } });
      expect((await detail(v1.catalogItemId)).body).toMatchObject({ version: 2, name: 'Order test v2' });
      expect(Number((await t.db.query('SELECT count(*) FROM catalog_items WHERE id = $1', [v1.catalogItemId]))[0].count)).toBe(1);
    });

    it('keeps a withdrawn item out when an older publish arrives late, and a later publish brings it back', async () => {
      const word = tag();
      const v1 = item({ content: { name: `Comeback ${word}` } });
      await publish(v1);
      expect(await names(`q=${word}`)).toEqual([v1.content.name]);

      await withdraw(v1, 3);
      await publish(republish(v1, 2, { name: `Stale ${word}` }));
      expect(await names(`q=${word}`)).toEqual([]);
      expect((await detail(v1.catalogItemId)).status).toBe(404);

      await publish(republish(v1, 4, { name: `Back ${word}` }));
      expect(await names(`q=${word}`)).toEqual([`Back ${word}`]);
      expect((await detail(v1.catalogItemId)).body).toMatchObject({ version: 4, name: `Back ${word}` });
    });

    it('remembers a withdrawal of an item it never saw, so the older publish stays out', async () => {
      const p = item({ content: { name: `Never listed ${tag()}` } });
      await withdraw(p, 2);
      await publish(p);
      expect((await detail(p.catalogItemId)).status).toBe(404);
    });
  });

  describe('search in Korean and English', () => {
    const koke = item({ content: { name: '에티오피아 예가체프 코케 허니', tastingNotes: ['꽃향', '복숭아'], origin: { country: '에티오피아', region: '예가체프' } }, partner: { id: randomUUID(), name: '빈브라더스' } });
    const paraiso = item({ content: { name: '콜롬비아 엘 파라이소 리치', tastingNotes: ['리치', '꽃향'], origin: { country: 'Colombia', region: 'Cauca' } } });
    const nyeri = item({ content: { name: 'Kenya Nyeri AA Gatomboya', tastingNotes: ['blackcurrant', 'grapefruit'], origin: { country: 'Kenya', region: 'Nyeri' }, process: 'Washed' } });

    beforeAll(async () => {
      for (const p of [koke, paraiso, nyeri]) await publish(p);
    });

    it.each([
      ['a Hangul word of 3+ characters (trigram index)', '예가체프', [koke]],
      ['a 2-character Hangul word (ILIKE fallback)', '꽃향', [koke, paraiso]],
      ['one Hangul syllable', '꽃', [koke, paraiso]],
      ['two Hangul words, both required', '예가체프 꽃향', [koke]],
      ['Hangul typed as separate jamo (NFD)', '예가체프'.normalize('NFD'), [koke]],
      ['the roaster name in Hangul', '빈브라더스', [koke]],
      ['an English word, any case', 'NYERI', [nyeri]],
      ['English words, one of two characters', 'gatomboya aa', [nyeri]],
      ['a tasting note', 'blackcurrant', [nyeri]],
      ['LIKE wildcards taken literally', '%', []],
    ])('%s', async (_what, q, expected) => {
      const found = await names(`q=${encodeURIComponent(q)}&size=60`);
      expect(found.sort()).toEqual(expected.map((p) => p.content.name).sort());
    });
  });

  describe('filters, sorts and paging', () => {
    const word = tag();
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const light = item({ content: { name: `Light ${word}`, roastLevel: 'LIGHT', origin: { country: 'Ethiopia', region: 'Guji' }, options: [option(21_000)] }, publishedAt: at(4) });
    const medium = item({ content: { name: `Medium ${word}`, roastLevel: 'MEDIUM', origin: { country: 'Kenya', region: 'Othaya' }, options: [option(30_000), option(12_000)] }, publishedAt: at(3) });
    const dark = item({ content: { name: `Dark ${word}`, roastLevel: 'DARK', origin: { country: 'Brazil', region: 'Cerrado' }, options: [option(15_000)] }, publishedAt: at(2) });
    const kenyaDark = item({ content: { name: `Kenya dark ${word}`, roastLevel: 'DARK', origin: { country: 'KENYA', region: 'Kirinyaga' }, options: [option(50_000)] }, publishedAt: at(1) });
    const n = (...ps: Published[]) => ps.map((p) => p.content.name);

    beforeAll(async () => {
      for (const p of [light, medium, dark, kenyaDark]) await publish(p);
    });

    it('filters by roast, origin (country or region, any case) and the cheapest option price', async () => {
      expect(await names(`q=${word}&roast=DARK`)).toEqual(n(kenyaDark, dark));
      expect(await names(`q=${word}&origin=kenya`)).toEqual(n(kenyaDark, medium));
      expect(await names(`q=${word}&origin=Guji`)).toEqual(n(light));
      expect(await names(`q=${word}&maxPrice=15000`)).toEqual(n(dark, medium));
      expect(await names(`q=${word}&minPrice=20000&maxPrice=50000`)).toEqual(n(kenyaDark, light));
      expect(await names(`q=${word}&roast=DARK&origin=kenya&minPrice=40000`)).toEqual(n(kenyaDark));
    });

    it('sorts by newest, price up and price down', async () => {
      expect(await names(`q=${word}`)).toEqual(n(kenyaDark, dark, medium, light));
      expect(await names(`q=${word}&sort=new`)).toEqual(n(kenyaDark, dark, medium, light));
      expect(await names(`q=${word}&sort=price_asc`)).toEqual(n(medium, dark, light, kenyaDark));
      expect(await names(`q=${word}&sort=price_desc`)).toEqual(n(kenyaDark, light, dark, medium));
    });

    it('pages with the total, also past the last page', async () => {
      const first = await list(`q=${word}&size=3&page=1`);
      expect(first.body).toMatchObject({ page: 1, size: 3, total: 4 });
      expect(first.body.items).toHaveLength(3);
      const second = await list(`q=${word}&size=3&page=2`);
      expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(n(light));
      const past = await list(`q=${word}&size=3&page=9`);
      expect(past.body).toEqual({ items: [], page: 9, size: 3, total: 4 });
    });
  });

  describe('stock status', () => {
    it('stores stock that arrives before the item, and shows low, in stock and sold out per option and item', async () => {
      const word = tag();
      const p = item({ content: { name: `Stocky ${word}`, options: [option(18_000), option(30_000)] } });
      const [a, b] = p.content.options.map((o) => o.id);
      await stock(p, a, 3, 1); // before the item exists
      await publish(p);
      const statuses = async () => {
        const d = (await detail(p.catalogItemId)).body;
        const [summary] = (await list(`q=${word}`)).body.items;
        return { item: d.stockStatus, listed: summary.stockStatus, options: d.options.map((o: { stockStatus: string }) => o.stockStatus) };
      };
      expect(await statuses()).toEqual({ item: 'LOW', listed: 'LOW', options: ['LOW', 'SOLD_OUT'] });

      await stock(p, b, 40, 1);
      expect(await statuses()).toEqual({ item: 'IN_STOCK', listed: 'IN_STOCK', options: ['LOW', 'IN_STOCK'] });

      await stock(p, b, 0, 3);
      await stock(p, b, 99, 2); // older than version 3: ignored
      expect(await statuses()).toEqual({ item: 'LOW', listed: 'LOW', options: ['LOW', 'SOLD_OUT'] });

      await stock(p, a, 5, 2); // at the threshold: still low
      expect(await statuses()).toEqual({ item: 'LOW', listed: 'LOW', options: ['LOW', 'SOLD_OUT'] });
      await stock(p, a, 6, 3);
      expect(await statuses()).toEqual({ item: 'IN_STOCK', listed: 'IN_STOCK', options: ['IN_STOCK', 'SOLD_OUT'] });
      await stock(p, a, 0, 4);
      expect(await statuses()).toEqual({ item: 'SOLD_OUT', listed: 'SOLD_OUT', options: ['SOLD_OUT', 'SOLD_OUT'] });
    });
  });

  it('shows the same lot by other roasters under alsoRoastedBy, on sale only', async () => {
    const lotKey = `ethiopia|konga|${randomUUID()}`;
    const mine = { id: randomUUID(), name: 'Roaster One' };
    const first = item({ lotKey, partner: mine, content: { name: 'Konga by One' } });
    const sameRoaster = item({ lotKey, partner: mine, content: { name: 'Konga espresso by One' } });
    const other = item({ lotKey, partner: { id: randomUUID(), name: 'Roaster Two' }, content: { name: 'Konga by Two' } });
    const gone = item({ lotKey, partner: { id: randomUUID(), name: 'Roaster Three' }, content: { name: 'Konga by Three' } });
    await publish(first);
    expect((await detail(first.catalogItemId)).body.alsoRoastedBy).toEqual([]);
    expect((await detail(first.catalogItemId)).headers.get('x-cache')).toBe('HIT');

    // A new roaster of the lot changes the cached detail of the others.
    for (const p of [sameRoaster, other, gone]) await publish(p);
    await withdraw(gone, 2);
    expect((await detail(first.catalogItemId)).body.alsoRoastedBy).toEqual([{ id: other.catalogItemId, name: 'Konga by Two', partner: other.partner }]);
    expect((await detail(other.catalogItemId)).body.alsoRoastedBy.map((a: { name: string }) => a.name).sort()).toEqual(['Konga by One', 'Konga espresso by One']);
  });

  describe('popularity', () => {
    const now = () => t.app.get<Clock>(CLOCK).now();
    const word = tag();
    const older = item({ content: { name: `Older ${word}` }, publishedAt: new Date(Date.now() + 60_000).toISOString() });
    const newer = item({ content: { name: `Newer ${word}` }, publishedAt: new Date(Date.now() + 120_000).toISOString() });
    const newest = item({ content: { name: `Newest ${word}` }, publishedAt: new Date(Date.now() + 180_000).toISOString() });

    beforeAll(async () => {
      for (const p of [older, newer, newest]) await publish(p);
    });

    const paid = (lines: [Published, number][], orderId = randomUUID()) => ({
      ...(examplePayloads['order.paid'] as PayloadOf<typeof orderPaid>),
      orderId,
      userId: randomUUID(),
      lines: lines.map(([p, quantity]) => ({ catalogItemId: p.catalogItemId, productId: p.productId, optionId: p.content.options[0].id, partnerId: p.partner.id, quantity, unitPriceWon: 18_000 })),
      totalWon: 18_000,
      paidAt: now().toISOString(),
    });

    it('answers before any order: score 0, newest first', async () => {
      for (const window of ['day', 'week']) {
        const res = await t.http.get(`/api/catalog/popular?window=${window}&size=3`);
        expect(res.status).toBe(200);
        expect(res.body.window).toBe(window);
        expect(res.body.items.map((i: { name: string; rank: number; score: number }) => [i.name, i.rank, i.score])).toEqual([
          [newest.content.name, 1, 0],
          [newer.content.name, 2, 0],
          [older.content.name, 3, 0],
        ]);
      }
      expect(await names(`q=${word}&sort=popular`)).toEqual([newest, newer, older].map((p) => p.content.name));
    });

    it('ranks by units paid per day and week, counting a redelivered order once', async () => {
      // Cache the popularity-sorted page first: a counted order must refresh it.
      expect((await list(`q=${word}&sort=popular`)).headers.get('x-cache')).toBe('HIT');

      const order = paid([[older, 2], [newer, 1], [older, 3]]);
      const first = await send(orderPaid, order);
      await t.bus.publishRaw(orderPaid.type, first); // the same message again
      await send(orderPaid, order); // the same order under a new message id
      await send(orderPaid, paid([[newer, 2]]));

      for (const window of ['day', 'week']) {
        const res = await t.http.get(`/api/catalog/popular?window=${window}&size=3`);
        expect(res.body.items.map((i: { name: string; rank: number; score: number }) => [i.name, i.rank, i.score])).toEqual([
          [older.content.name, 1, 5],
          [newer.content.name, 2, 3],
          [newest.content.name, 3, 0],
        ]);
        expect(res.body.items[0]).toMatchObject({ id: older.catalogItemId, partner: older.partner, stockStatus: 'SOLD_OUT' });
      }
      expect(await names(`q=${word}&sort=popular`)).toEqual([older, newer, newest].map((p) => p.content.name));
    });

    it.each(['size=0', 'window=month', 'size=51', 'extra=1'])('refuses %s with 400', async (query) => {
      const res = await t.http.get(`/api/catalog/popular?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('cache', () => {
    it('serves detail and list pages from Redis, and drops them as soon as a republish or withdrawal is applied', async () => {
      const word = tag();
      const p = item({ content: { name: `Cached ${word}` } });
      await publish(p);
      expect((await detail(p.catalogItemId)).headers.get('x-cache')).toBe('MISS');
      expect((await detail(p.catalogItemId)).headers.get('x-cache')).toBe('HIT');
      expect((await list(`q=${word}`)).headers.get('x-cache')).toBe('MISS');
      const hit = await list(`q=${word}`);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.body.items[0].name).toBe(`Cached ${word}`);

      // send() returns once both handlers ran: the change committed, then the cache was cleared.
      await publish(republish(p, 2, { name: `Renamed ${word}` }));
      const renamed = await detail(p.catalogItemId);
      expect(renamed.body).toMatchObject({ name: `Renamed ${word}`, version: 2 });
      expect(renamed.headers.get('x-cache')).toBe('MISS');
      expect(await names(`q=${word}`)).toEqual([`Renamed ${word}`]);
      expect((await detail(p.catalogItemId)).headers.get('x-cache')).toBe('HIT');

      await withdraw(p, 3);
      expect((await detail(p.catalogItemId)).status).toBe(404);
      expect(await names(`q=${word}`)).toEqual([]);
    });

    it('never serves a row read before a change committed', async () => {
      const p = item({ content: { name: `Race ${tag()}` } });
      await publish(p);
      // A reader saw generation 1 and loaded the row; then version 2 committed and was invalidated,
      // and only then did the slow reader fill the cache.
      await publish(republish(p, 2, { name: 'after the change' }));
      expect(await t.app.get<Redis>(REDIS).get(`catalog:item-gen:${p.catalogItemId}`)).toBe('2');
      await t.app.get(CatalogCache).fillItem(p.catalogItemId, '1', JSON.stringify({ name: 'stale' }));
      const res = await detail(p.catalogItemId);
      expect(res.body.name).toBe('after the change');
      expect(res.headers.get('x-cache')).toBe('MISS');
      expect((await detail(p.catalogItemId)).headers.get('x-cache')).toBe('HIT');

      // The same for list pages: a page filled under an older list generation is not served.
      const word = tag();
      const q = item({ content: { name: `Listed ${word}` } });
      await publish(q);
      expect((await list(`q=${word}`)).headers.get('x-cache')).toBe('MISS');
      expect((await list(`q=${word}`)).headers.get('x-cache')).toBe('HIT');
      await publish(republish(q, 2, { name: `Relisted ${word}` }));
      const again = await list(`q=${word}`);
      expect(again.headers.get('x-cache')).toBe('MISS');
      expect(again.body.items[0].name).toBe(`Relisted ${word}`);
    });

    it('can be switched off: every answer comes from PostgreSQL in one statement, whatever the page size', async () => {
      const other = await createApp({ ...t.env, MESSAGING_ENABLED: 'false', CATALOG_CACHE_ENABLED: 'false' });
      await other.listen({ port: 0, host: '127.0.0.1' });
      try {
        const address = other.getHttpServer().address();
        const http = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
        // Every statement any pg client of this process sends; the catalog's name its tables.
        const spy = jest.spyOn(Client.prototype, 'query');
        const catalogStatements = () => spy.mock.calls.filter(([q]) => /catalog_items/.test(typeof q === 'string' ? q : ((q as { text?: string }).text ?? ''))).length;
        try {
          for (const query of ['roast=LIGHT&q=konga', 'sort=price_desc&q=%EA%BD%83%ED%96%A5', 'sort=popular']) {
            for (const size of [10, 20, 60]) {
              spy.mockClear();
              const res = await http.get(`/api/catalog/items?size=${size}&${query}`);
              expect(res.status).toBe(200);
              expect(res.headers.get('x-cache')).toBe('OFF');
              expect(res.body.items.length).toBeGreaterThan(0);
              expect(catalogStatements()).toBe(1);
            }
          }
          const [someId] = (await http.get('/api/catalog/items?size=1')).body.items.map((i: { id: string }) => i.id);
          spy.mockClear();
          expect((await http.get(`/api/catalog/items/${someId}`)).headers.get('x-cache')).toBe('OFF');
          expect(catalogStatements()).toBe(1);
        } finally {
          spy.mockRestore();
        }
      } finally {
        await other.close();
      }
    });
  });

  it('answers from PostgreSQL when Redis fails (cache reads, popularity order and rankings), and stores nothing then', async () => {
    const word = tag();
    for (const n of ['one', 'two']) await publish(item({ content: { name: `Offline ${n} ${word}` } }));
    const down = new Error('connect ECONNREFUSED');
    const cache = t.app.get(CatalogCache);
    const spies = [
      jest.spyOn(cache, 'getList').mockRejectedValue(down),
      jest.spyOn(cache, 'getItem').mockRejectedValue(down),
      jest.spyOn(t.app.get(CatalogPopularity), 'top').mockRejectedValue(down),
    ];
    const fills = [jest.spyOn(cache, 'fillList'), jest.spyOn(cache, 'fillItem')];
    try {
      const page = await list(`q=${word}&sort=popular`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-cache')).toBe('MISS');
      expect(page.body.items.map((i: { name: string }) => i.name)).toEqual([`Offline two ${word}`, `Offline one ${word}`]);
      expect((await detail(page.body.items[0].id)).status).toBe(200);
      const ranking = await t.http.get('/api/catalog/popular?size=2');
      expect(ranking.status).toBe(200);
      expect(ranking.body.items.map((i: { score: number }) => i.score)).toEqual([0, 0]);
      for (const fill of fills) expect(fill).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, ...fills]) spy.mockRestore();
    }
  });

  it('keeps the totals of browse pages (everything, one roast) equal to a count of what is on sale', async () => {
    const counted = async (roast?: string) =>
      Number((await t.db.query(`SELECT count(*) FROM catalog_items WHERE status = 'ON_SALE' AND ($1::text IS NULL OR roast_level = $1)`, [roast ?? null]))[0].count);
    // A roast change and a withdrawal move an item between the kept counts.
    const p = item({ content: { name: `Facets ${tag()}`, roastLevel: 'MEDIUM_DARK' } });
    await publish(p);
    await publish(republish(p, 2, { roastLevel: 'DARK' }));
    expect((await list('roast=MEDIUM_DARK')).body.total).toBe(await counted('MEDIUM_DARK'));
    await withdraw(p, 3);
    for (const roast of [undefined, 'LIGHT', 'MEDIUM', 'MEDIUM_DARK', 'DARK']) {
      const res = await list(roast ? `roast=${roast}&sort=price_asc` : 'sort=popular');
      expect(res.body.total).toBe(await counted(roast));
    }
    expect(await counted()).toBeGreaterThan(10);
  });

  describe('bad input', () => {
    it.each([
      ['an unknown parameter', 'color=red', 'color'],
      ['an unknown roast', 'roast=BURNT', 'roast'],
      ['an unknown sort', 'sort=random', 'sort'],
      ['page 0', 'page=0', 'page'],
      ['a page size of 0', 'size=0', 'size'],
      ['a page size above 60', 'size=61', 'size'],
      ['a negative price', 'minPrice=-1', 'minPrice'],
      ['a price that is not a number', 'maxPrice=cheap', 'maxPrice'],
      ['a minimum above the maximum', 'minPrice=30000&maxPrice=10000', 'minPrice'],
      ['a repeated parameter', 'roast=LIGHT&roast=DARK', 'roast'],
      ['a query over 100 characters', `q=${'a'.repeat(101)}`, 'q'],
    ])('%s is a 400 naming the field', async (_what, query, path) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    it.each([['a malformed id', 'not-a-uuid'], ['an unknown id', randomUUID()], ['an id with SQL in it', "1' OR '1'='1"]])('%s is a 404', async (_what, id) => {
      const res = await detail(encodeURIComponent(id));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });
});
