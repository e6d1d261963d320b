import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DeliveryHealthResponse } from '@rapport/domain';

/** SendGrid pauses senders whose spam complaints pass about 0.3%; the card warns well before that. */
const COMPLAINT_WARNING = 0.001;

/** Delivered, bounced and complaint shares of the last days' follow-ups, with a word when one looks bad. */
@Component({
  selector: 'rp-delivery-health-card',
  imports: [DecimalPipe, PercentPipe],
  template: `
    @let health = value();
    <section class="health" aria-label="Delivery health">
      <h2>Delivery, last {{ health.days }} days</h2>
      @if (health.sent === 0) {
        <p>Nothing sent yet.</p>
      } @else {
        <dl>
          <div>
            <dt>Sent</dt>
            <dd>{{ health.sent | number }}</dd>
          </div>
          @if (health.deliveredRate !== null) {
            <div>
              <dt>Delivered</dt>
              <dd>{{ health.deliveredRate | percent: '1.0-1' }}</dd>
            </div>
            <div>
              <dt>Bounced</dt>
              <dd [class.health--bad]="(health.bounceRate ?? 0) > 0.05">
                {{ health.bounceRate | percent: '1.0-1' }}
              </dd>
            </div>
            <div>
              <dt>Clicked by people</dt>
              <dd>{{ health.clicked | number }}</dd>
            </div>
            <div>
              <dt>Spam complaints</dt>
              <dd [class.health--bad]="(health.complaintRate ?? 0) > complaintWarning">
                {{ health.complaintRate | percent: '1.0-2' }}
              </dd>
            </div>
          }
          @if (health.awaitingReport > 0) {
            <div>
              <dt>Awaiting a report</dt>
              <dd>{{ health.awaitingReport | number }}</dd>
            </div>
          }
        </dl>
        @if (health.deliveredRate === null && health.carrier === 'development-mailbox') {
          <p class="health__note">
            No email provider is connected, so these emails went to the development mailbox and nothing
            reports whether they were delivered. Connect SendGrid to see delivered, bounced and complaint
            shares.
          </p>
        } @else if (health.deliveredRate === null) {
          <p class="health__note">
            SendGrid has not reported on these emails yet. If that lasts, check that its signed Event Webhook
            points to Rapport's /api/webhooks/sendgrid/events and that SENDGRID_WEBHOOK_PUBLIC_KEY is set.
          </p>
        } @else if (health.awaitingReport > 0) {
          <p class="health__note">
            Shares are of the {{ health.sent - health.awaitingReport | number }} emails the provider has
            reported on.
          </p>
        }
        @if (health.scanned > 0) {
          <p class="health__note">
            {{ health.scanned | number }} {{ health.scanned === 1 ? 'email was' : 'emails were' }} opened by a
            mail scanner (it followed a hidden link no person sees): their opens and clicks are not counted.
          </p>
        }
        @if ((health.complaintRate ?? 0) > complaintWarning) {
          <p class="health--bad">
            Complaints are high: check who receives your follow-ups and that the first email says why they get
            it. Above 0.3% in a day, sending pauses.
          </p>
        }
      }
    </section>
  `,
  styles: `
    .health {
      padding: 16px;
      margin-bottom: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 32px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .health--bad {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryHealthCardComponent {
  readonly value = input.required<DeliveryHealthResponse>();
  readonly complaintWarning = COMPLAINT_WARNING;
}
