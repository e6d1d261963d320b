import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { CustomerDetailResponse, TimelineEntry } from '@rapport/domain';
import { PageHeaderComponent, TextFieldComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf } from '../http/api-error';
import { AutomationsApi } from '../automations/automations-api';
import { CustomersApi } from './customers-api';

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
  ],
  templateUrl: './customer-detail-page.html',
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDetailPage implements OnInit {
  private readonly api = inject(CustomersApi);
  private readonly confirmation = inject(Confirmation);
  readonly canEdit = inject(SessionStore).can('customers:write');
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

  async ngOnInit(): Promise<void> {
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
        return `${entry.subject ?? entry.messageKind.replace('-', ' ')}: ${entry.status}${entry.reason ? ` (${entry.reason})` : ''}`;
      case 'answer': {
        const score =
          entry.score === null
            ? 'Replied'
            : `Answered ${entry.scoreType === 'csat' ? 'satisfaction' : 'NPS'} ${entry.score}`;
        return `${score}${entry.comment ? `: “${entry.comment}”` : ''}`;
      }
      case 'case':
        return `Case opened (${entry.reasons}): ${entry.status === 'waiting' ? 'waiting for the customer' : entry.status}`;
    }
  }

  /** Where an entry links to in the console: its order or its case. */
  linkOf(entry: TimelineEntry): string[] | null {
    if (entry.kind === 'order' || entry.kind === 'order-event') return ['/orders', entry.orderId];
    if (entry.kind === 'case') return ['/cases', entry.caseId];
    return null;
  }

  iconOf(entry: TimelineEntry): string {
    if (entry.kind === 'answer') return 'forum';
    if (entry.kind === 'case') return 'support_agent';
    if (entry.kind === 'subscription') return 'unsubscribe';
    if (entry.kind === 'email') return 'mail';
    if (entry.kind === 'order') return 'shopping_bag';
    return entry.event === 'cancelled' || entry.event === 'refunded' ? 'block' : 'local_shipping';
  }
}
