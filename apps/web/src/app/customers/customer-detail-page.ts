import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal, effect, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  type CustomerDetailResponse,
  eventOf,
  initialStatus,
  type InteractionEvent,
  type TimelineEntry,
} from '@rapport/domain';
import { PageHeaderComponent, TextFieldComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf } from '../http/api-error';
import { AutomationsApi } from '../automations/automations-api';
import { OUTBOX_KIND_WORDS } from '../automations/outbox-kind-words';
import { CustomerInteractionsComponent } from '../interactions/customer-interactions';
import { interactionEventWords } from '../interactions/interaction-words';
import { CustomersApi } from './customers-api';

const INTERACTION_ICONS = {
  enquiry: 'contact_support',
  quote: 'request_quote',
  appointment: 'event',
} as const;

const EVENT_ICONS: Partial<Record<InteractionEvent, string>> = {
  enquiry_answered: 'mark_email_read',
  quote_accepted: 'thumb_up',
  quote_declined: 'thumb_down',
  appointment_completed: 'event_available',
  appointment_no_show: 'event_busy',
  appointment_cancelled: 'event_busy',
};

@Component({
  selector: 'rp-customer-detail-page',
  imports: [
    TextFieldComponent,
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    CustomerInteractionsComponent,
  ],
  templateUrl: './customer-detail-page.html',
  styleUrl: '../lists.scss',
  styles: `
    .column {
      display: flex;
      flex-direction: column;
      gap: 24px;
      min-width: 0;
    }
    .prospect {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDetailPage {
  private readonly api = inject(CustomersApi);
  private readonly confirmation = inject(Confirmation);
  private readonly session = inject(SessionStore);
  readonly canEdit = this.session.can('customers:write');
  readonly canSeeInteractions = this.session.can('interactions:read');
  readonly canWriteInteractions = this.session.can('interactions:write');
  /** From the route (withComponentInputBinding). */
  readonly customerId = input.required<string>();
  readonly customer = signal<CustomerDetailResponse | null>(null);
  readonly isEditing = signal(false);
  readonly error = signal<string | null>(null);
  readonly notice = signal<string | null>(null);
  private readonly automations = inject(AutomationsApi);
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    // Another customer's page (a link on this one's timeline) reuses this page: start again for them.
    effect(() => {
      this.customerId();
      untracked(() => {
        this.customer.set(null);
        this.error.set(null);
        this.notice.set(null);
        this.isEditing.set(false);
        void this.reload();
      });
    });
  }

  /** Again after an enquiry, quote or appointment was added or moved on: the timeline shows the step. */
  async reload(): Promise<void> {
    try {
      this.customer.set(await this.api.get(this.customerId()));
    } catch (error) {
      this.error.set(
        apiProblemOf(error).status === 404 ? 'This customer does not exist.' : apiProblemOf(error).message,
      );
    }
  }

  edit(): void {
    const customer = this.customer();
    if (!customer) return;
    this.form.setValue({ name: customer.name, phone: customer.phone ?? '', tags: customer.tags.join(', ') });
    this.isEditing.set(true);
  }

  async save(): Promise<void> {
    const { name, phone, tags } = this.form.getRawValue();
    try {
      await this.api.update(this.customerId(), {
        name,
        phone: phone.trim() || null,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      });
      this.customer.set(await this.api.get(this.customerId()));
      this.isEditing.set(false);
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  /** Plans the "manual message" template for this buyer, sent at the next tick within the send window. */
  async sendNote(): Promise<void> {
    try {
      const result = await this.automations.sendNow([this.customerId()]);
      this.notice.set(
        result.planned === 1
          ? 'A note is on its way (within your send window). It shows in the timeline below.'
          : `Not sent: ${result.skipped[0]?.reason ?? 'this buyer cannot be written to'}.`,
      );
      this.customer.set(await this.api.get(this.customerId()));
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async erase(): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: 'Erase this buyer?',
      message:
        'Their name, email, phone and tags are removed for good and they get no more emails. Their orders stay, anonymous, so your figures do not change.',
      confirmLabel: 'Erase for good',
      isDestructive: true,
    });
    if (!isSure) return;
    await this.api.erase(this.customerId());
    this.customer.set(await this.api.get(this.customerId()));
  }

  describe(entry: TimelineEntry): string {
    switch (entry.kind) {
      case 'order':
        return `Order ${entry.externalId}: ${entry.total} ${entry.currency} (${entry.status})`;
      case 'order-event':
        return `Order ${entry.externalId} ${entry.event}`;
      case 'subscription':
        return `Email status: ${entry.state}${entry.reason ? ` (${entry.reason})` : ''}`;
      case 'email':
        return `${entry.subject ?? OUTBOX_KIND_WORDS[entry.messageKind]}: ${entry.status}${entry.reason ? ` (${entry.reason})` : ''}`;
      case 'answer': {
        const score =
          entry.score === null
            ? 'Replied'
            : `Answered ${entry.scoreType === 'csat' ? 'satisfaction' : 'NPS'} ${entry.score}`;
        return `${score}${entry.comment ? `: “${entry.comment}”` : ''}`;
      }
      case 'case':
        return `Case opened (${entry.reasons}): ${entry.status === 'waiting' ? 'waiting for the customer' : entry.status}`;
      case 'interaction':
        // The interaction's own entry is its first step: the enquiry arrived, the quote went, the visit was booked.
        return this.withSubject(
          interactionEventWords(eventOf(entry.type, initialStatus(entry.type))),
          entry.subject,
        );
      case 'interaction-event':
        return this.withSubject(interactionEventWords(entry.event), this.subjectOf(entry.interactionId));
      case 'referral':
        return entry.role === 'referrer'
          ? `Recommended us to ${entry.otherName || 'someone'}${entry.converted ? ', who became a customer' : ''}`
          : `Came through ${entry.otherName || 'a customer'}'s recommendation`;
    }
  }

  private withSubject(words: string, subject: string | undefined): string {
    return subject ? `${words}: ${subject}` : words;
  }

  /** A later step names the interaction by the subject its own entry carries. */
  private subjectOf(interactionId: string): string | undefined {
    const own = this.customer()?.timeline.find(
      (entry) => entry.kind === 'interaction' && entry.interactionId === interactionId,
    );
    return own?.kind === 'interaction' ? own.subject : undefined;
  }

  /** Where an entry links to in the console: its order or its case. */
  linkOf(entry: TimelineEntry): string[] | null {
    if (entry.kind === 'order' || entry.kind === 'order-event') return ['/orders', entry.orderId];
    if (entry.kind === 'case') return ['/cases', entry.caseId];
    if (entry.kind === 'referral') return ['/customers', entry.otherCustomerId];
    if (entry.kind === 'interaction' && entry.type === 'enquiry') return ['/enquiries', entry.interactionId];
    if (entry.kind === 'interaction-event' && entry.event.startsWith('enquiry_'))
      return ['/enquiries', entry.interactionId];
    return null;
  }

  iconOf(entry: TimelineEntry): string {
    if (entry.kind === 'answer') return 'forum';
    if (entry.kind === 'case') return 'support_agent';
    if (entry.kind === 'subscription') return 'unsubscribe';
    if (entry.kind === 'email') return 'mail';
    if (entry.kind === 'order') return 'shopping_bag';
    if (entry.kind === 'interaction') return INTERACTION_ICONS[entry.type];
    if (entry.kind === 'interaction-event') return EVENT_ICONS[entry.event] ?? 'event_note';
    if (entry.kind === 'referral') return 'recommend';
    return entry.event === 'cancelled' || entry.event === 'refunded' ? 'block' : 'local_shipping';
  }
}
