import type { FieldError } from '../contracts/errors';

/** Where a business asks for public reviews. */
export const REVIEW_PLATFORMS = ['google', 'trustpilot', 'facebook', 'other'] as const;
export type ReviewPlatformName = (typeof REVIEW_PLATFORMS)[number];

/**
 * One place to review the business: Google by its place id (the write-a-review link is made from it),
 * Trustpilot by the business's domain, Facebook by its page name, or any other https page.
 */
export interface ReviewPlatform {
  platform: ReviewPlatformName;
  target: string;
}

export const REVIEW_PLATFORM_WORDS: Readonly<Record<ReviewPlatformName, string>> = {
  google: 'Google',
  trustpilot: 'Trustpilot',
  facebook: 'Facebook',
  other: 'Your review page',
};

const TARGET_RULES: Readonly<Record<ReviewPlatformName, { pattern: RegExp; reason: string }>> = {
  google: {
    pattern: /^[A-Za-z0-9_-]{10,300}$/,
    reason: 'must be a Google place id, like ChIJN1t_tDeuEmsRUsoyG83frY4',
  },
  trustpilot: {
    pattern: /^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/,
    reason: 'must be the domain Trustpilot lists the business under, like northwind.example',
  },
  facebook: {
    pattern: /^[A-Za-z0-9.]{5,100}$/,
    reason: 'must be the page name from its address, like NorthwindBakery',
  },
  other: { pattern: /^https:\/\/[^\s<>"]{4,490}$/, reason: 'must be an https:// address' },
};

/** The target as people paste it: a whole Facebook address becomes its page name, a domain loses its scheme. */
export function normalReviewTarget(platform: ReviewPlatformName, target: string): string {
  const text = target.trim();
  if (platform === 'facebook')
    return text.replace(/^https?:\/\/(www\.|m\.)?facebook\.com\//i, '').replace(/[/?#].*$/, '');
  if (platform === 'trustpilot')
    return text
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?trustpilot\.com\/(review|evaluate)\//, '')
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, '');
  return text;
}

/** Where the buyer's click goes: the platform's own page for writing a review of this business. */
export function reviewLink(review: ReviewPlatform): string {
  const target = encodeURIComponent(review.target);
  switch (review.platform) {
    case 'google':
      return `https://search.google.com/local/writereview?placeid=${target}`;
    case 'trustpilot':
      return `https://www.trustpilot.com/evaluate/${target}`;
    case 'facebook':
      return `https://www.facebook.com/${target}/reviews`;
    case 'other':
      return review.target;
  }
}

/** Each problem with a business's review places, by field (`reviewPlatforms.0.target`); empty when fine. */
export function reviewPlatformProblems(reviews: unknown): FieldError[] {
  if (!Array.isArray(reviews) || reviews.length > REVIEW_PLATFORMS.length)
    return [
      { field: 'reviewPlatforms', reason: `must be a list of at most ${REVIEW_PLATFORMS.length} places` },
    ];
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  reviews.forEach((review: unknown, index) => {
    const item = review as Partial<ReviewPlatform> | null;
    const platform = item?.platform;
    if (!platform || !(REVIEW_PLATFORMS as readonly unknown[]).includes(platform)) {
      problems.push({
        field: `reviewPlatforms.${index}.platform`,
        reason: `must be one of ${REVIEW_PLATFORMS.join(', ')}`,
      });
      return;
    }
    if (seen.has(platform))
      problems.push({ field: `reviewPlatforms.${index}.platform`, reason: 'is listed twice' });
    seen.add(platform);
    const rule = TARGET_RULES[platform];
    if (typeof item.target !== 'string' || !rule.pattern.test(item.target))
      problems.push({ field: `reviewPlatforms.${index}.target`, reason: rule.reason });
  });
  return problems;
}
