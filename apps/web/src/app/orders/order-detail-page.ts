import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  eventsForStatusChange,
  ORDER_STATUSES,
  type OrderFollowUpsResponse,
  type OrderResponse,
  type OrderStatus,
} from '@rapport/domain';
import { DataColumnDirective, DataTableComponent, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf } from '../http/api-error';
import { OrderFollowUpsComponent } from './order-follow-ups';
import { OrdersApi } from './orders-api';

@Component({
  selector: 'rp-order-detail-page',
  imports: [
    RouterLink,
    DatePipe,
    DataTableComponent,
    DataColumnDirective,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    OrderFollowUpsComponent,
  ],
  template: `
    @if (error(); as message) {
      <p class="list-error" role="alert">{{ message }}</p>
    }
    @if (order(); as order) {
      <rp-page-header
        [title]="'Order ' + order.externalId"
        [subtitle]="order.total + ' ' + order.currency + ' · ' + order.status"
      >
        <a mat-button routerLink="/orders"><mat-icon>arrow_back</mat-icon> All orders</a>
      </rp-page-header>
      <div class="detail-grid">
        <section class="detail-card" aria-label="Order">
          <h2>Order</h2>
          <dl class="facts">
            <dt>Buyer</dt>
            <dd>
              <a [routerLink]="['/customers', order.customer.id]">{{
                order.customer.name || order.customer.email
              }}</a>
            </dd>
            <dt>From</dt>
            <dd>{{ order.source }}</dd>
            <dt>Placed</dt>
            <dd>{{ order.placedAt | date: 'medium' }}</dd>
            <dt>Fulfilled</dt>
            <dd>{{ order.fulfilledAt ? (order.fulfilledAt | date: 'medium') : '—' }}</dd>
            <dt>Delivered</dt>
            <dd>{{ order.deliveredAt ? (order.deliveredAt | date: 'medium') : '—' }}</dd>
            @if (order.cancelledAt) {
              <dt>Cancelled</dt>
              <dd>{{ order.cancelledAt | date: 'medium' }}</dd>
            }
            @if (order.refundedAt) {
              <dt>Refunded</dt>
              <dd>{{ order.refundedAt | date: 'medium' }}</dd>
            }
          </dl>
          @if (canEdit && nextStatuses().length > 0) {
            <p>Mark as:</p>
            @for (status of nextStatuses(); track status) {
              <button mat-stroked-button type="button" (click)="change(status)">{{ status }}</button>
            }
          }
        </section>
        <section class="detail-card" aria-label="Lines">
          <h2>Lines</h2>
          <rp-data-table [rows]="order.lines" label="Lines">
            <ng-template rpColumn="Product" let-line>{{ line.productName }}</ng-template>
            <ng-template rpColumn="Quantity" let-line>{{ line.quantity }}</ng-template>
            <ng-template rpColumn="Unit price" let-line
              >{{ line.unitPrice }} {{ order.currency }}</ng-template
            >
          </rp-data-table>
        </section>
        @if (followUps(); as value) {
          <rp-order-follow-ups
            class="detail-wide"
            [value]="value"
            [canSend]="canSendFollowUps"
            (sendNow)="sendFollowUpNow($event)"
          />
        }
        @if (sendNotice(); as notice) {
          <p class="detail-wide" role="status">{{ notice }}</p>
        }
        @if (followUpsError(); as message) {
          <p class="list-error detail-wide" role="alert">{{ message }}</p>
        }
      </div>
    }
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderDetailPage implements OnInit {
  private readonly api = inject(OrdersApi);
  private readonly confirmation = inject(Confirmation);
  readonly canEdit = inject(SessionStore).can('orders:write');
  readonly canSendFollowUps = inject(SessionStore).can('customers:write');
  /** What became of the last "Send now". */
  readonly sendNotice = signal<string | null>(null);
  readonly orderId = input.required<string>();
  readonly order = signal<OrderResponse | null>(null);
  readonly error = signal<string | null>(null);
  readonly followUps = signal<OrderFollowUpsResponse | null>(null);
  /** Why the follow-ups could not be read; the order itself still shows. */
  readonly followUpsError = signal<string | null>(null);
  /** Only the moves the order rules allow: forward, or stopping it. */
  readonly nextStatuses = computed<OrderStatus[]>(() => {
    const current = this.order()?.status;
    if (!current) return [];
    return ORDER_STATUSES.filter(
      (status) => status !== current && eventsForStatusChange(current, status).length > 0,
    );
  });

  async ngOnInit(): Promise<void> {
    try {
      this.order.set(await this.api.get(this.orderId()));
    } catch (error) {
      this.error.set(
        apiProblemOf(error).status === 404 ? 'This order does not exist.' : apiProblemOf(error).message,
      );
      return;
    }
    await this.loadFollowUps();
  }

  /** Sends a waiting follow-up at the next dispatch; the list shows it sent a few seconds later. */
  async sendFollowUpNow(messageId: string): Promise<void> {
    try {
      await this.api.sendFollowUpNow(messageId);
      this.sendNotice.set(
        'It goes within a few seconds, outside the send window and without waiting for the gap between two emails: see it in the Mailbox.',
      );
      await this.loadFollowUps();
      // The scheduler ticks every 5 seconds: read the list again once it has.
      setTimeout(() => void this.loadFollowUps(), 7000);
    } catch (error) {
      this.sendNotice.set(apiProblemOf(error).message);
    }
  }

  private async loadFollowUps(isFirstRead = true): Promise<void> {
    try {
      const found = await this.api.followUps(this.orderId());
      this.followUps.set(found);
      // The rules plan a new order's follow-ups at the scheduler's next tick (every 5 seconds).
      if (isFirstRead && found.items.length === 0) setTimeout(() => void this.loadFollowUps(false), 6000);
    } catch (error) {
      this.followUpsError.set(`The follow-ups could not be read: ${apiProblemOf(error).message}`);
    }
  }

  async change(status: OrderStatus): Promise<void> {
    if (status === 'cancelled' || status === 'refunded') {
      const isSure = await this.confirmation.ask({
        title: `Mark as ${status}?`,
        message: 'Follow-ups still planned for this order will not go out.',
        confirmLabel: `Mark as ${status}`,
      });
      if (!isSure) return;
    }
    try {
      this.order.set(await this.api.changeStatus(this.orderId(), status));
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
      return;
    }
    await this.loadFollowUps();
  }
}
