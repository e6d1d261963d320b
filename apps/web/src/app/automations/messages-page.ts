import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  type OnInit,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import {
  type AutomationResponse,
  type DeliveryHealthResponse,
  MESSAGE_STATUSES,
  type MessageResponse,
  type MessageStatus,
} from '@rapport/domain';
import { choicesOf, LIST_PAGE_PARTS } from '@rapport/ui';
import { merge } from 'rxjs';
import { apiProblemOf } from '../http/api-error';
import { keysetList } from '../http/keyset-list';
import { AutomationsApi } from './automations-api';
import { DeliveryHealthCardComponent } from './delivery-health-card';
import { OUTBOX_KIND_WORDS } from './outbox-kind-words';

@Component({
  selector: 'rp-messages-page',
  imports: [LIST_PAGE_PARTS, DeliveryHealthCardComponent],
  template: `
    <rp-page-header title="Messages" subtitle="Every planned and sent follow-up, and why some did not go.">
      <a mat-button routerLink="/automations"><mat-icon>arrow_back</mat-icon> Automations</a>
    </rp-page-header>
    @if (health(); as value) {
      <rp-delivery-health-card [value]="value" />
    }
    <rp-list
      [list]="list"
      label="Messages"
      emptyIcon="outbox"
      emptyTitle="No messages"
      emptyMessage="Follow-ups are planned as orders come in."
    >
      <div class="filters" role="search">
        <rp-select-field label="Status" [control]="status" [choices]="statuses" emptyLabel="Any" />
        <rp-select-field label="Rule" [control]="automationId" [choices]="ruleChoices()" emptyLabel="Any" />
      </div>
      @if (customerId()) {
        <a mat-button routerLink="/automations/messages">
          <mat-icon>close</mat-icon> Only one buyer: show all
        </a>
      }
      @if (loadError(); as message) {
        <p class="list-error" role="alert">{{ message }}</p>
      }
      @if (sendNotice(); as notice) {
        <p role="status">{{ notice }}</p>
      }
      <ng-template rpColumn="Due" let-message>{{ message.dueAt | date: 'medium' }}</ng-template>
      <ng-template rpColumn="Buyer" let-message>
        <a [routerLink]="['/customers', message.customer.id]">{{
          message.customer.name || message.customer.email
        }}</a>
      </ng-template>
      <ng-template rpColumn="What" let-message>
        {{ whatOf(message) }}
        @if (message.orderNumber) {
          · {{ message.orderNumber }}
        }
      </ng-template>
      <ng-template rpColumn="Status" let-message>
        {{ message.status }}
        @if (message.status === 'scheduled') {
          <button
            mat-button
            type="button"
            class="send-now"
            [attr.aria-label]="'Send now to ' + message.customer.name"
            (click)="sendNow(message)"
          >
            Send now
          </button>
        }
      </ng-template>
      <ng-template rpColumn="Why" let-message>{{ message.reason ?? '' }}</ng-template>
    </rp-list>
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagesPage implements OnInit {
  private readonly api = inject(AutomationsApi);
  readonly statuses = choicesOf(MESSAGE_STATUSES);
  readonly status = new FormControl<MessageStatus | ''>('', { nonNullable: true });
  readonly automationId = new FormControl('', { nonNullable: true });
  /** From the query string (withComponentInputBinding): only this buyer's messages. */
  readonly customerId = input<string>();
  readonly rules = signal<AutomationResponse[]>([]);
  readonly ruleChoices = computed(() => this.rules().map(({ id, name }) => ({ value: id, label: name })));
  readonly health = signal<DeliveryHealthResponse | null>(null);
  /** What became of the last "Send now". */
  readonly sendNotice = signal<string | null>(null);
  /** Why the rules or the delivery health could not be read. */
  readonly loadError = signal<string | null>(null);
  readonly list = keysetList<MessageResponse>((cursor) =>
    this.api.messages({
      status: this.status.value || undefined,
      automationId: this.automationId.value || undefined,
      customerId: this.customerId() || undefined,
      cursor,
    }),
  );

  constructor() {
    // Again whenever the buyer in the query string changes: the router keeps this page for "show all".
    effect(() => {
      this.customerId();
      untracked(() => void this.list.reload());
    });
    merge(this.status.valueChanges, this.automationId.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
  }

  /** The rule that planned it, or else its kind in words. */
  whatOf(message: MessageResponse): string {
    return message.automation ?? OUTBOX_KIND_WORDS[message.kind];
  }

  /** Sends one waiting follow-up at the next dispatch (within seconds), outside the send window. */
  async sendNow(message: MessageResponse): Promise<void> {
    try {
      const asked = await this.api.sendMessageNow(message.id);
      this.list.items.update((items) => items.map((item) => (item.id === asked.id ? asked : item)));
      this.sendNotice.set(
        `${this.whatOf(asked)} to ${asked.customer.name} goes within a few seconds, outside the send window and without waiting for the gap between two emails.`,
      );
    } catch (error) {
      this.sendNotice.set(apiProblemOf(error).message);
    }
  }

  async ngOnInit(): Promise<void> {
    try {
      const [health, rules] = await Promise.all([this.api.health(), this.api.list()]);
      this.health.set(health);
      this.rules.set(rules);
    } catch (error) {
      this.loadError.set(apiProblemOf(error).message);
    }
  }
}
