import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse, OrderFollowUpsResponse, OrderResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { OrderDetailPage } from './order-detail-page';

const ORDER: OrderResponse = {
  id: 'o1',
  externalId: '#1001',
  source: 'api',
  customer: { id: 'c1', email: 'ana@example.com', name: 'Ana' },
  placedAt: '2026-11-20T10:00:00Z',
  status: 'fulfilled',
  fulfilledAt: '2026-11-21T10:00:00Z',
  deliveredAt: null,
  cancelledAt: null,
  refundedAt: null,
  total: '9.00',
  currency: 'EUR',
  lines: [{ id: 'l1', productId: 'p1', productName: 'Loaf', quantity: 2, unitPrice: '4.50' }],
};

const FOLLOW_UPS: OrderFollowUpsResponse = {
  timeZone: 'America/New_York',
  items: [
    {
      id: 'm1',
      kind: 'thank-you',
      status: 'sent',
      automation: 'Thank you',
      subject: 'Thanks',
      dueAt: '2026-11-21T10:00:00Z',
      sentAt: '2026-11-21T10:00:05Z',
      reason: null,
      mailboxEmailId: 'e1',
    },
    {
      id: 'm2',
      kind: 'opinion-request',
      status: 'scheduled',
      automation: 'How did we do?',
      subject: null,
      dueAt: '2026-11-28T15:30:00Z',
      sentAt: null,
      reason: null,
      mailboxEmailId: null,
    },
    {
      id: 'm3',
      kind: 'reminder',
      status: 'cancelled',
      automation: null,
      subject: null,
      dueAt: '2026-12-02T15:30:00Z',
      sentAt: null,
      reason: 'cancelled: the order was refunded',
      mailboxEmailId: null,
    },
  ],
};

describe('OrderDetailPage', () => {
  async function open(order: OrderResponse, followUps: OrderFollowUpsResponse = FOLLOW_UPS) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(SessionStore).replace({
      permissions: ['orders:write'],
      user: {},
      memberships: [],
    } as unknown as MeResponse);
    const fixture = TestBed.createComponent(OrderDetailPage);
    fixture.componentRef.setInput('orderId', order.id);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`/api/orders/${order.id}`).flush(order);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(`/api/orders/${order.id}/follow-ups`).flush(followUps);
    await fixture.whenStable();
    fixture.detectChanges();
    return { page: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

  it('offers only the moves the order rules allow', async () => {
    const { page, element } = await open(ORDER);
    expect(page.nextStatuses()).toEqual(['delivered', 'cancelled', 'refunded']);
    expect([...element.querySelectorAll('button')].map((button) => button.textContent?.trim())).toEqual([
      'delivered',
      'cancelled',
      'refunded',
    ]);
  });

  it('offers nothing more for a refunded order', async () => {
    const { page } = await open({ ...ORDER, status: 'refunded', refundedAt: '2026-11-22T10:00:00Z' });
    expect(page.nextStatuses()).toEqual([]);
  });

  it("lists the order's follow-ups with their times in the business's time zone, linking the caught email", async () => {
    const { element } = await open(ORDER);
    const section = element.querySelector('[aria-label="Follow-ups"]') as HTMLElement;
    const lines = [...section.querySelectorAll('li > span')].map((item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^Thank you · sent Nov 21, 2026, 5:00\sAM$/),
      expect.stringMatching(/^Opinion request "How did we do\?" · scheduled for Nov 28, 2026, 10:30\sAM$/),
      expect.stringMatching(
        /^Reminder · cancelled \(was due Dec 2, 2026, 10:30\sAM\) · cancelled: the order was refunded$/,
      ),
    ]);
    expect(section.querySelector('a')?.getAttribute('href')).toBe('/automations/mailbox?email=e1');
    expect(section.textContent).toContain('Times in America/New_York');
  });

  it('says when an order has no follow-ups', async () => {
    const { element } = await open(ORDER, { timeZone: 'UTC', items: [] });
    expect(element.querySelector('[aria-label="Follow-ups"] li')?.textContent?.trim()).toBe(
      "None planned yet: the rules plan an order's follow-ups within seconds of its arrival.",
    );
  });
});
