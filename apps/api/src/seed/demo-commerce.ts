import type { OrderStatus, UpsertOrderRequest } from '@rapport/domain';

const FIRST_NAMES = [
  'Amelia',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Isla',
  'Jonas',
  'Kiara',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sanjay',
  'Tessa',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zara',
];
const LAST_NAMES = [
  'Adams',
  'Brennan',
  'Castillo',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Khan',
  'López',
  'Moreau',
  'Novak',
  "O'Brien",
  'Patel',
  'Rossi',
  'Schmidt',
  'Taylor',
  'Weber',
];
const LOCALES = ['en', 'en', 'en', 'es', 'fr', 'de'] as const;
const PRODUCTS = [
  { sku: 'SOUR-800', name: 'Sourdough loaf', price: '4.80' },
  { sku: 'RYE-700', name: 'Seeded rye', price: '4.20' },
  { sku: 'BAG-4', name: 'Bagels, pack of 4', price: '3.60' },
  { sku: 'CROI-1', name: 'Butter croissant', price: '1.90' },
  { sku: 'CINN-1', name: 'Cinnamon bun', price: '2.40' },
  { sku: 'TART-LEM', name: 'Lemon tart', price: '3.50' },
  { sku: 'CAKE-CHOC', name: 'Chocolate cake (whole)', price: '24.00' },
  { sku: 'CAKE-CARR', name: 'Carrot cake (whole)', price: '22.00' },
  { sku: 'FOC-ROSE', name: 'Rosemary focaccia', price: '3.90' },
  { sku: 'BOX-BRUNCH', name: 'Brunch box for two', price: '18.50' },
  { sku: 'COOK-6', name: 'Oat cookies, box of 6', price: '5.40' },
  { sku: 'GIFT-25', name: 'Gift card', price: '25.00' },
];

/** A small deterministic generator, so the demo looks the same on every machine. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * About 10 weeks of a small bakery's trade: buyers, repeat orders, mostly delivered, a few cancelled or
 * refunded; the newest orders still on their way.
 */
export function demoOrders(now: Date, count = 260): UpsertOrderRequest[] {
  const random = generator(20_261_126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const buyers = Array.from({ length: 110 }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length + index) % LAST_NAMES.length] ?? 'Smith';
    const email = `${first}.${last}${index > 25 ? index : ''}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9.]/g, '');
    return { email: `${email}@example.com`, name: `${first} ${last}`, locale: pick(LOCALES) };
  });
  const orders: UpsertOrderRequest[] = [];
  for (let index = 0; index < count; index++) {
    const daysAgo = Math.floor(random() * 70);
    const placedAt = new Date(now.getTime() - daysAgo * 86_400_000 - Math.floor(random() * 10) * 3_600_000);
    // Skewed towards the first buyers: a few regulars order again and again.
    const buyer = buyers[Math.floor(random() ** 1.6 * buyers.length)] ?? {
      email: 'walk-in@example.com',
      name: 'Walk-in',
      locale: 'en' as const,
    };
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const product = pick(PRODUCTS);
      return {
        sku: product.sku,
        productName: product.name,
        quantity: 1 + Math.floor(random() * 3),
        unitPrice: product.price,
      };
    });
    const total = lines.reduce((sum, line) => sum + Number(line.unitPrice) * line.quantity, 0).toFixed(2);
    const roll = random();
    const status: OrderStatus =
      roll < 0.04
        ? 'cancelled'
        : roll < 0.06
          ? 'refunded'
          : daysAgo < 2
            ? 'placed'
            : daysAgo < 4
              ? 'fulfilled'
              : 'delivered';
    orders.push({
      externalId: `#${1000 + index}`,
      customer: { ...buyer, consentBasis: 'purchase_notice' },
      placedAt: placedAt.toISOString(),
      status,
      total,
      currency: 'GBP',
      lines,
    });
  }
  return orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}
