import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReferralSummaryResponse, ReviewClicksResponse } from '@rapport/domain';
import { RecommendationsPage } from './recommendations-page';

const SUMMARY: ReferralSummaryResponse = {
  since: '2026-11-07T00:00:00Z',
  asked: 12,
  referred: 4,
  converted: 1,
  recent: [
    {
      referred: { id: 'c-2', name: 'Ben Brown', email: 'ben@example.com' },
      referrer: { id: 'c-1', name: '', email: 'ana@example.com' },
      referredAt: '2026-12-01T10:00:00Z',
      becameCustomerAt: null,
    },
  ],
};

const CLICKS: ReviewClicksResponse = {
  since: '2026-11-07T00:00:00Z',
  platforms: [
    { platform: 'google', clicks: 7 },
    { platform: 'trustpilot', clicks: 2 },
  ],
};

describe('RecommendationsPage', () => {
  async function open() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(RecommendationsPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, http, settle, element: fixture.nativeElement as HTMLElement };
  }

  it('shows who was asked, who came and who bought, the latest recommendations and clicks per platform', async () => {
    const { http, settle, element } = await open();
    http.expectOne('/api/referrals?days=30').flush(SUMMARY);
    http.expectOne('/api/review-clicks?days=30').flush(CLICKS);
    await settle();
    await settle();
    const figures = [...element.querySelectorAll('rp-kpi-card article')].map((card) =>
      card.getAttribute('aria-label'),
    );
    expect(figures).toEqual([
      'Asked to recommend: 12',
      'Came through a recommendation: 4',
      'Became customers: 1',
    ]);
    expect(element.textContent).toContain('25% of those who came');
    const row = element.querySelector('tbody tr');
    expect([...(row?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent?.trim())).toEqual([
      'Ben Brown',
      'ana@example.com',
      'Dec 1, 2026',
      'Not yet',
    ]);
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/customers/c-2');
    expect(
      [...element.querySelectorAll('.platforms li')].map((item) => [
        item.querySelector('span')?.textContent,
        item.querySelector('strong')?.textContent,
      ]),
    ).toEqual([
      ['Google', '7'],
      ['Trustpilot', '2'],
    ]);
  });

  it('asks again for the period chosen, and says so when nothing could be read', async () => {
    const { fixture, http, settle, element } = await open();
    http.expectOne('/api/referrals?days=30').flush(SUMMARY);
    http.expectOne('/api/review-clicks?days=30').flush(CLICKS);
    await settle();
    const choosing = fixture.componentInstance.choose(365);
    http
      .expectOne('/api/referrals?days=365')
      .flush(
        { statusCode: 503, message: 'The database is not answering' },
        { status: 503, statusText: 'Unavailable' },
      );
    http
      .expectOne('/api/review-clicks?days=365')
      .flush(
        { statusCode: 503, message: 'The database is not answering' },
        { status: 503, statusText: 'Unavailable' },
      );
    await choosing;
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The database is not answering');
    expect(element.querySelector('rp-kpi-card')).toBeNull();
  });
});
