import type { Cart, UserContext } from '@promo/shared';
import { CartSchema, UserContextSchema } from '@promo/shared';
import type { Random } from './random.js';

export interface CatalogItem {
  sku: string;
  price: number;
  cost: number;
  /** Leaf first, then its parent. */
  categoryIds: string[];
}

/** 10 departments × 10 leaf categories; 5,000 SKUs spread over them. */
export function createCatalog(random: Random, size = 5_000): CatalogItem[] {
  return Array.from({ length: size }, (_, i) => {
    const leaf = random.int(0, 99);
    const price = random.int(100, 30_000);
    return { sku: `SKU-${i}`, price, cost: Math.floor(price * 0.6), categoryIds: [`cat-${leaf}`, `dept-${Math.floor(leaf / 10)}`] };
  });
}

export const PROVINCES = ['11', '31', '44', '32', '33', '51', '42', '37'];
export const TAGS = ['vip', 'student', 'mom', 'office', 'night_owl', 'bargain', 'organic', 'pet'];

/** A 20-line cart of distinct SKUs for a level-3 member in Shanghai on the app. */
export function createCart(random: Random, catalog: readonly CatalogItem[], lines = 20): { cart: Cart; user: UserContext } {
  const items = random.sample(catalog, lines);
  const cart = CartSchema.parse({
    lines: items.map((item, i) => ({
      lineId: `l${i}`,
      sku: item.sku,
      quantity: random.int(1, 3),
      unitPrice: item.price,
      unitCost: item.cost,
      categoryIds: item.categoryIds,
    })),
  });
  const user = UserContextSchema.parse({
    userId: 'bench-user-42',
    tags: ['vip', 'office'],
    memberLevel: 3,
    isNewUser: false,
    points: 5_000,
    region: { province: '31', city: '3101' },
    channel: 'app',
  });
  return { cart, user };
}
