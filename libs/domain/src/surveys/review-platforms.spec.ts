import { normalReviewTarget, reviewLink, reviewPlatformProblems } from './review-platforms';

describe('review places', () => {
  it("links to each platform's own page for writing a review", () => {
    expect(reviewLink({ platform: 'google', target: 'ChIJN1t_tDeuEmsRUsoyG83frY4' })).toBe(
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
    );
    expect(reviewLink({ platform: 'trustpilot', target: 'northwind.example' })).toBe(
      'https://www.trustpilot.com/evaluate/northwind.example',
    );
    expect(reviewLink({ platform: 'facebook', target: 'NorthwindBakery' })).toBe(
      'https://www.facebook.com/NorthwindBakery/reviews',
    );
    expect(reviewLink({ platform: 'other', target: 'https://reviews.example/northwind' })).toBe(
      'https://reviews.example/northwind',
    );
  });

  it('takes a pasted address for the platforms that are named by part of one', () => {
    expect(normalReviewTarget('facebook', 'https://www.facebook.com/NorthwindBakery/reviews?ref=x')).toBe(
      'NorthwindBakery',
    );
    expect(normalReviewTarget('trustpilot', 'https://www.trustpilot.com/review/www.northwind.example')).toBe(
      'northwind.example',
    );
    expect(normalReviewTarget('trustpilot', 'https://Northwind.example/')).toBe('northwind.example');
  });

  it('names every place that cannot be used, and a platform listed twice', () => {
    expect(
      reviewPlatformProblems([
        { platform: 'google', target: 'short' },
        { platform: 'other', target: 'http://insecure.example' },
        { platform: 'google', target: 'ChIJN1t_tDeuEmsRUsoyG83frY4' },
        { platform: 'yelp', target: 'x' },
      ]),
    ).toEqual([
      { field: 'reviewPlatforms.0.target', reason: expect.stringContaining('Google place id') },
      { field: 'reviewPlatforms.1.target', reason: 'must be an https:// address' },
      { field: 'reviewPlatforms.2.platform', reason: 'is listed twice' },
      { field: 'reviewPlatforms.3.platform', reason: 'must be one of google, trustpilot, facebook, other' },
    ]);
    expect(reviewPlatformProblems('nope')).toEqual([
      { field: 'reviewPlatforms', reason: 'must be a list of at most 4 places' },
    ]);
  });
});
