import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import {
  type CustomerResponse,
  INTERACTION_STATUS_WORDS,
  INTERACTION_TYPE_WORDS,
  type InteractionResponse,
  type InteractionStatus,
  nextStatuses,
} from '@rapport/domain';
import { LIST_PAGE_PARTS } from '@rapport/ui';
import { apiProblemOf } from '../http/api-error';
import { keysetList } from '../http/keyset-list';
import { InteractionsApi } from './interactions-api';
import { NewInteractionFormComponent } from './new-interaction-form';

/** The button that moves an interaction on, in words. */
const MOVE_WORDS: Readonly<Record<InteractionStatus, string>> = {
  open: 'Reopen',
  answered: 'Mark answered',
  closed: 'Close',
  sent: 'Mark sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  booked: 'Booked',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

/**
 * A person's enquiries, quotes and appointments on their page: each with its status and the steps it may
 * take next, and a form to add one.
 */
@Component({
  selector: 'rp-customer-interactions',
  imports: [LIST_PAGE_PARTS, DecimalPipe, NewInteractionFormComponent],
  template: `
    <section class="detail-card" aria-labelledby="interactions-title">
      <h2 id="interactions-title">Enquiries, quotes and appointments</h2>
      @if (canWrite()) {
        @if (isAdding()) {
          <rp-new-interaction-form [customer]="customer()" (added)="added()" (closed)="isAdding.set(false)" />
        } @else {
          <button mat-stroked-button type="button" (click)="isAdding.set(true)">
            <mat-icon>add</mat-icon> Add an enquiry, quote or appointment
          </button>
        }
      }
      @if (moveError(); as message) {
        <p class="list-error" role="alert">{{ message }}</p>
      }
      <rp-list
        [list]="list"
        label="Enquiries, quotes and appointments"
        emptyIcon="event_note"
        emptyTitle="Nothing yet"
        emptyMessage="Enquiries from your form, quotes and appointments sent through the API or added here show in this list."
      >
        <ng-template rpColumn="What" let-item>
          @if (item.type === 'enquiry') {
            <a [routerLink]="['/enquiries', item.id]">{{ whatOf(item) }}</a>
          } @else {
            {{ whatOf(item) }}
          }
        </ng-template>
        <ng-template rpColumn="Details" let-item>
          @switch (item.type) {
            @case ('quote') {
              {{ item.amount | number: '1.2-2' }} {{ item.currency }}
              @if (item.validUntil) {
                · valid until {{ item.validUntil | date: 'mediumDate' }}
              }
            }
            @case ('appointment') {
              {{ item.startsAt | date: 'medium' }}
            }
            @default {
              received {{ item.occurredAt | date: 'medium' }}
            }
          }
        </ng-template>
        <ng-template rpColumn="Status" let-item>{{ statusOf(item) }}</ng-template>
        <ng-template rpColumn="Next steps" rpColumnHeaderHidden let-item>
          @if (canWrite()) {
            @for (status of movesOf(item); track status) {
              <button
                mat-button
                type="button"
                [disabled]="isMoving()"
                [attr.aria-label]="moveWords[status] + ': ' + whatOf(item)"
                (click)="move(item, status)"
              >
                {{ moveWords[status] }}
              </button>
            }
          }
        </ng-template>
      </rp-list>
    </section>
  `,
  styleUrl: '../lists.scss',
  styles: `
    rp-new-interaction-form,
    section > button {
      display: block;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerInteractionsComponent implements OnInit {
  private readonly api = inject(InteractionsApi);
  readonly customer = input.required<CustomerResponse>();
  /** Whether the viewer may add interactions and move them on. */
  readonly canWrite = input(false);
  /** An interaction was added or moved on: the person's timeline (and whether they are a customer) changed. */
  readonly changed = output();
  readonly moveWords = MOVE_WORDS;
  readonly isAdding = signal(false);
  readonly isMoving = signal(false);
  readonly moveError = signal<string | null>(null);
  readonly list = keysetList<InteractionResponse>((cursor) =>
    this.api.list({ customerId: this.customer().id, cursor }),
  );

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }

  statusOf(item: InteractionResponse): string {
    return INTERACTION_STATUS_WORDS[item.status];
  }

  /** "Quote: Kitchen refit", or just "Quote" without a subject. */
  whatOf(item: InteractionResponse): string {
    return `${INTERACTION_TYPE_WORDS[item.type]}${item.subject ? `: ${item.subject}` : ''}`;
  }

  movesOf(item: InteractionResponse): readonly InteractionStatus[] {
    return nextStatuses(item.type, item.status);
  }

  async move(item: InteractionResponse, status: InteractionStatus): Promise<void> {
    this.isMoving.set(true);
    this.moveError.set(null);
    try {
      const moved = await this.api.changeStatus(item.id, status);
      this.list.items.update((items) => items.map((each) => (each.id === moved.id ? moved : each)));
      this.changed.emit();
    } catch (error) {
      const problem = apiProblemOf(error);
      this.moveError.set(
        problem.fields['status'] ? `That step ${problem.fields['status']}` : problem.message,
      );
    } finally {
      this.isMoving.set(false);
    }
  }

  async added(): Promise<void> {
    this.isAdding.set(false);
    await this.list.reload();
    this.changed.emit();
  }
}
