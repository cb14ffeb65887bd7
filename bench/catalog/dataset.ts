import { createHash } from 'node:crypto';
import type { catalogItemPublished, orderPaid, PayloadOf, productStockChanged, RoastLevel } from '@roastery/contracts';

type Published = PayloadOf<typeof catalogItemPublished>;
type StockChanged = PayloadOf<typeof productStockChanged>;
type OrderPaid = PayloadOf<typeof orderPaid>;

/** A small deterministic PRNG (mulberry32), so every run loads the same catalog. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID derived from a name, stable across runs. */
function uuidOf(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ORIGINS: [string, string[]][] = [
  ['Ethiopia', ['Yirgacheffe', 'Guji', 'Sidama', '예가체프']],
  ['에티오피아', ['구지', '시다마', '예가체프']],
  ['Kenya', ['Nyeri', 'Kirinyaga', 'Embu']],
  ['Colombia', ['Huila', 'Nariño', 'Cauca']],
  ['콜롬비아', ['우일라', '나리뇨']],
  ['Brazil', ['Cerrado', 'Sul de Minas', 'Mogiana']],
  ['Guatemala', ['Antigua', 'Huehuetenango']],
  ['Costa Rica', ['Tarrazú', 'West Valley']],
  ['Panama', ['Boquete', 'Volcán']],
  ['Rwanda', ['Nyamasheke', 'Huye']],
  ['Indonesia', ['Aceh', 'Toraja']],
];
const PROCESSES = ['Washed', 'Natural', 'Honey', 'Anaerobic', '워시드', '내추럴'];
const ROASTS: RoastLevel[] = ['LIGHT', 'MEDIUM_LIGHT', 'MEDIUM', 'MEDIUM_DARK', 'DARK'];
const VARIETIES = ['Heirloom', 'SL28', 'Caturra', 'Bourbon', 'Geisha', 'Typica', 'Pacamara', '게이샤'];
const NOTES = ['jasmine', 'bergamot', 'peach', 'blackcurrant', 'chocolate', 'caramel', 'citrus', '꽃향', '복숭아', '자스민', '초콜릿', '견과류', '베리', '산미'];
const PARTNER_NAMES = ['빈브라더스', 'Bean Brothers', '커피리브레', 'Fritz', '모모스', 'Anthracite', '나무사이로', 'Felt', '테라로사', 'Center Coffee'];

/** The catalog the benchmark loads: items as admin-service publishes them, stock per option, and some paid orders. */
export function buildDataset(items: number): { published: Published[]; stock: StockChanged[]; orders: OrderPaid[] } {
  const rnd = prng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const partners = Array.from({ length: 200 }, (_, i) => ({ id: uuidOf(`partner-${i}`), name: `${PARTNER_NAMES[i % PARTNER_NAMES.length]} ${i}` }));
  const published: Published[] = [];
  const stock: StockChanged[] = [];
  const start = Date.parse('2026-08-01T00:00:00Z');
  for (let i = 0; i < items; i++) {
    const [country, regions] = pick(ORIGINS);
    const region = pick(regions);
    const producer = `${pick(['Konga', 'Chelbesa', 'Gatomboya', 'La Palma', 'El Paraiso', '코케', '하마'])} ${pick(['Washing Station', 'Estate', 'Farm', '농장'])}`;
    // Every tenth item is a lot another roaster also sells ("also roasted by").
    const lotNo = i % 10 === 0 ? Math.floor(i / 20) : i;
    const partner = partners[i % 10 === 0 && (i / 10) % 2 === 1 ? (i + 7) % partners.length : i % partners.length];
    const productId = uuidOf(`product-${i}`);
    const options = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, k) => ({
      id: uuidOf(`option-${i}-${k}`),
      weightGrams: [200, 500, 1000][k],
      grind: pick(['WHOLE_BEAN', 'ESPRESSO', 'FILTER'] as const),
      priceWon: (12 + Math.floor(rnd() * 48)) * 1000 * (k + 1),
    }));
    published.push({
      catalogItemId: uuidOf(`item-${i}`),
      itemVersion: 1,
      productId,
      productVersion: 1,
      partner,
      content: {
        name: `${country} ${region} ${producer} ${pick(VARIETIES)} #${i}`,
        origin: { country, region },
        producer,
        lot: `Lot ${lotNo}`,
        variety: pick(VARIETIES),
        process: pick(PROCESSES),
        roastLevel: ROASTS[i % ROASTS.length],
        tastingNotes: [pick(NOTES), pick(NOTES), pick(NOTES)].filter((n, k, all) => all.indexOf(n) === k),
        description: '꽃향과 밝은 산미, 깨끗한 여운. Floral, bright and clean. '.repeat(4),
        imageUrls: [`https://images.example.com/beans/${i}.jpg`],
        options,
      },
      lotKey: i % 10 === 0 ? `bench|shared-lot|${lotNo}` : `${country.toLowerCase()}|${producer.toLowerCase()}|lot ${lotNo}`,
      publishedAt: new Date(start + i * 60_000).toISOString(),
    });
    for (const o of options) {
      const units = rnd() < 0.1 ? 0 : rnd() < 0.15 ? 1 + Math.floor(rnd() * 5) : 6 + Math.floor(rnd() * 200);
      stock.push({ productId, partnerId: partner.id, optionId: o.id, stock: units, stockVersion: 1, changedAt: new Date(start).toISOString() });
    }
  }
  const orders: OrderPaid[] = Array.from({ length: 300 }, (_, n) => {
    const p = published[Math.floor(Math.pow(rnd(), 3) * published.length)];
    const quantity = 1 + Math.floor(rnd() * 3);
    return {
      orderId: uuidOf(`order-${n}`),
      userId: uuidOf(`user-${n % 50}`),
      lines: [{ catalogItemId: p.catalogItemId, productId: p.productId, optionId: p.content.options[0].id, partnerId: p.partner.id, quantity, unitPriceWon: p.content.options[0].priceWon }],
      totalWon: quantity * p.content.options[0].priceWon,
      paidAt: new Date().toISOString(),
    };
  });
  return { published, stock, orders };
}
