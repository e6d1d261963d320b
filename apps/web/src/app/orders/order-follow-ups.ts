import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { OrderFollowUpResponse, OrderFollowUpsResponse } from '@rapport/domain';
import { OUTBOX_KIND_WORDS } from '../automations/outbox-kind-words';

interface FollowUpLine {
  item: OrderFollowUpResponse;
  what: string;
  /** The status in words, with its time in the business's zone where one matters. */
  state: string;
}

/** The emails planned or sent about one order, their times read in the business's time zone. */
@Component({
  selector: 'rp-order-follow-ups',
  imports: [RouterLink, MatIconModule, MatButtonModule],
  template: `
    <section class="detail-card" aria-label="Follow-ups">
      <h2>Follow-ups</h2>
      <ol class="timeline">
        @for (line of lines(); track line.item.id) {
          <li>
            <mat-icon aria-hidden="true">{{
              line.item.sentAt ? 'mark_email_read' : 'schedule_send'
            }}</mat-icon>
            <span>
              @if (line.item.mailboxEmailId) {
                <a routerLink="/automations/mailbox" [queryParams]="{ email: line.item.mailboxEmailId }">{{
                  line.what
                }}</a>
              } @else {
                {{ line.what }}
              }
              · <strong>{{ line.state }}</strong>
              @if (line.item.reason) {
                · {{ line.item.reason }}
              }
              @if (canSend() && line.item.status === 'scheduled') {
                <button mat-button type="button" (click)="sendNow.emit(line.item.id)">Send now</button>
              }
            </span>
          </li>
        } @empty {
          <li>None planned yet: the rules plan an order's follow-ups within seconds of its arrival.</li>
        }
      </ol>
      <p class="zone-note">Times in {{ value().timeZone }}, the business's time zone.</p>
    </section>
  `,
  styles: `
    .zone-note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderFollowUpsComponent {
  readonly value = input.required<OrderFollowUpsResponse>();
  /** Whether the viewer may send a waiting follow-up at once. */
  readonly canSend = input(false);
  /** The id of the waiting follow-up to send at the next dispatch. */
  readonly sendNow = output<string>();
  readonly lines = computed<FollowUpLine[]>(() => {
    const { timeZone, items } = this.value();
    const format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const time = (iso: string) => format.format(new Date(iso));
    return items.map((item) => ({
      item,
      what: [
        OUTBOX_KIND_WORDS[item.kind],
        item.automation && item.automation !== OUTBOX_KIND_WORDS[item.kind] ? `"${item.automation}"` : null,
      ]
        .filter(Boolean)
        .join(' '),
      state:
        item.status === 'scheduled'
          ? `scheduled for ${time(item.dueAt)}`
          : item.sentAt
            ? `${item.status === 'sent' ? 'sent' : `${item.status} · sent`} ${time(item.sentAt)}`
            : `${item.status} (was due ${time(item.dueAt)})`,
    }));
  });
}
