import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse, OrderResponse } from '@rapport/domain';
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

describe('OrderDetailPage', () => {
  async function open(order: OrderResponse) {
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
    TestBed.inject(HttpTestingController).expectOne(`/api/orders/${order.id}`).flush(order);
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
});
