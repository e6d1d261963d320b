import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IntegrationResponse, TestDeliveryResponse, WebhookDeliveryResponse } from '@rapport/domain';
import { IntegrationsPage } from './integrations-page';

const REFUSED: WebhookDeliveryResponse = {
  deliveryId: 'rapport_test_1',
  topic: 'orders/create',
  receivedAt: '2026-11-30T12:00:00.000Z',
  outcome: 'failed',
  message: 'Refused by https://shop.example/api/webhooks/shopify/t with 413',
  isTest: true,
};

const shop = (latestTest: WebhookDeliveryResponse | null): IntegrationResponse => ({
  provider: 'shopify',
  state: 'waiting',
  webhookUrl: 'https://rapport.example/api/webhooks/shopify/t',
  secret: 'shpss_1234',
  connectedAt: '2026-11-30T10:00:00.000Z',
  deliveries: latestTest ? [latestTest] : [],
  latestTest,
});

describe('IntegrationsPage', () => {
  it('sends a test delivery and shows it refused with the reason, marked as a test in the deliveries', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(IntegrationsPage);
    fixture.detectChanges();
    http.expectOne('/api/integrations').flush([shop(null)]);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = [...element.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.trim() === 'Send a test delivery',
    );
    button?.click();
    const sent = http.expectOne('/api/integrations/shopify/test-delivery');
    expect(sent.request.method).toBe('POST');
    sent.flush({ isReceived: false, delivery: REFUSED } satisfies TestDeliveryResponse);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/integrations').flush([shop(REFUSED)]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(`Refused: ${REFUSED.message}`);
    expect(element.querySelector('.shop-state')?.textContent).toMatch(/Test delivery refused Nov 30, 2026/);
    expect(element.querySelector('li em')?.textContent).toBe('test delivery');
  });
});
