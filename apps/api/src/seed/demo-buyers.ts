import { createHash } from 'node:crypto';

const HOUR_MS = 3_600_000;

/** How each kind of the bakery's products is named in a buyer's comment. */
export const PRODUCT_WORDS: Record<string, string> = {
  'Sourdough loaf': 'sourdough',
  'Seeded rye': 'seeded rye',
  'Bagels, pack of 4': 'bagels',
  'Butter croissant': 'croissants',
  'Cinnamon bun': 'cinnamon buns',
  'Lemon tart': 'lemon tart',
  'Chocolate cake (whole)': 'chocolate cake',
  'Carrot cake (whole)': 'carrot cake',
  'Rosemary focaccia': 'focaccia',
  'Brunch box for two': 'brunch box',
  'Oat cookies, box of 6': 'oat cookies',
  'Gift card': 'gift card',
};

/** Comments about the order's main product (`{product}`), and a few about the service only. */
const COMMENTS = {
  promoter: [
    'The {product} is the best in town, and it arrived still warm.',
    'Loved the {product}, the kids ask for it every Sunday.',
    'Beautiful {product} and friendly delivery. Thank you!',
    'The {product} made our anniversary morning.',
  ],
  passive: [
    'Good {product}, but delivery took a while.',
    'Tasty {product}, though smaller than I expected.',
    'Nice {product}, a bit pricey for every week.',
  ],
  detractor: [
    'The {product} was dry and the box arrived crushed.',
    'My order came a day late and nobody told me.',
    'The {product} was not what the picture showed.',
    'Part of my order was missing.',
  ],
} as const;

const RESOLUTIONS = ['Sent a fresh replacement', 'Refunded the order', 'Apologised and explained the delay'];

/** A number in [0, 1) fixed by the words given: the same buyer decides the same way on every machine. */
export function chance(...words: (string | number)[]): number {
  return createHash('sha256').update(words.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

/** What a buyer does with one opinion request or reminder: nothing, or answer after a while. */
export interface BuyerAnswer {
  afterMs: number;
  score: number;
  band: 'promoter' | 'passive' | 'detractor';
  comment: string | null;
}

/**
 * About two in five buyers answer a request (fewer a reminder), a day or two later; mostly happily. A
 * comment names the product the order is about (its largest line), as the weekly report files it.
 */
export function buyerAnswer(
  key: string,
  kind: 'opinion-request' | 'reminder',
  mainProduct: string | null,
): BuyerAnswer | null {
  if (chance(key, 'answers') > (kind === 'opinion-request' ? 0.4 : 0.2)) return null;
  const roll = chance(key, 'score');
  const spread = chance(key, 'spread');
  const score =
    roll < 0.55
      ? 9 + Math.floor(spread * 2)
      : roll < 0.8
        ? 7 + Math.floor(spread * 2)
        : Math.floor(spread * 7);
  const band = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  const words = mainProduct ? (PRODUCT_WORDS[mainProduct] ?? mainProduct.toLowerCase()) : null;
  const pool = COMMENTS[band].filter((text) => words !== null || !text.includes('{product}'));
  const comment =
    chance(key, 'comments') < 0.65 && pool.length > 0
      ? (pool[Math.floor(chance(key, 'comment') * pool.length)] ?? '').replace('{product}', words ?? '')
      : null;
  return { afterMs: (1 + Math.floor(chance(key, 'delay') * 47)) * HOUR_MS, score, band, comment };
}

/** How the team works a case: a reply some hours after it opened, and the resolution a day or two later. */
export interface CaseHandling {
  replyAfterMs: number;
  resolveAfterMs: number;
  resolution: string;
}

export function caseHandling(key: string): CaseHandling {
  return {
    replyAfterMs: (2 + Math.floor(chance(key, 'reply') * 20)) * HOUR_MS,
    resolveAfterMs: (4 + Math.floor(chance(key, 'resolve') * 40)) * HOUR_MS,
    resolution: RESOLUTIONS[Math.floor(chance(key, 'resolution') * RESOLUTIONS.length)] ?? 'Apologised',
  };
}

/**
 * An unhappy answer about the order's main product, a couple of hours after the email: the demo's last days
 * always hold one, so its console has a case still waiting for the team.
 */
export function unhappyAnswer(key: string, mainProduct: string | null): BuyerAnswer {
  const words = mainProduct ? (PRODUCT_WORDS[mainProduct] ?? mainProduct.toLowerCase()) : null;
  return {
    afterMs: 2 * HOUR_MS,
    score: 2 + Math.floor(chance(key, 'unhappy') * 3),
    band: 'detractor',
    comment: words ? `The ${words} was dry and the box arrived crushed.` : 'Part of my order was missing.',
  };
}
