import type { CatalogItem, Category } from '../catalog/catalog.schema.js';
import { DEMO_CATEGORIES, DEMO_PACKS } from './demo-catalog.data.js';

export const DEMO_SKU_COUNT = 500;

/** EAN-13 with a Chinese 69x prefix and a correct check digit, derived from the SKU number. */
function barcode(n: number): string {
  const body = `69${String(10_000_000_000 + n * 7_919).slice(1)}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Shelf prices end in 9 or 90 fen, like real ones. */
function shelfPrice(base: number, percent: number): number {
  const raw = Math.round((base * percent) / 100);
  return raw >= 1000 ? Math.round(raw / 100) * 100 - 10 : Math.max(Math.round(raw / 10) * 10 - 1, 9);
}

/** The demo category tree: nine departments with their aisles. */
export function demoCategories(): Category[] {
  const out: Category[] = [];
  DEMO_CATEGORIES.forEach((top, i) => {
    out.push({ id: top.id, parentId: null, name: top.zh, nameEn: top.en, sort: i });
    top.subcategories.forEach((sub, j) => out.push({ id: sub.id, parentId: top.id, name: sub.zh, nameEn: sub.en, sort: j }));
  });
  return out;
}

/**
 * 500 SKUs, the same on every run: every base product in its normal pack first, then the larger
 * packs, so every aisle is stocked. Costs are 55–79% of the price (a fixed pattern, not random).
 */
export function demoItems(): CatalogItem[] {
  const items: CatalogItem[] = [];
  for (const pack of DEMO_PACKS) {
    for (const top of DEMO_CATEGORIES) {
      for (const sub of top.subcategories) {
        sub.products.forEach((line, p) => {
          if (items.length >= DEMO_SKU_COUNT) return;
          const [zh = '', en = '', base = '0', unit = '件'] = line.split('|');
          const n = items.length + 1;
          const price = shelfPrice(Number(base), pack.percent);
          const packIndex = DEMO_PACKS.indexOf(pack);
          items.push({
            sku: `${sub.id.toUpperCase().replace(/_/g, '')}-${String(p + 1).padStart(2, '0')}${packIndex === 0 ? '' : `-P${packIndex}`}`,
            name: zh + pack.zh,
            nameEn: en + pack.en,
            categoryId: sub.id,
            price,
            cost: Math.round((price * (55 + ((n * 37) % 25))) / 100),
            unit,
            barcode: barcode(n),
            inventory: 200 + ((n * 53) % 800),
          });
        });
      }
    }
  }
  return items;
}
