import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  ENQUIRY_STATUSES,
  type EnquiryStatus,
  INTERACTION_STATUS_WORDS,
  type InteractionResponse,
} from '@rapport/domain';
import { choicesOf, LIST_PAGE_PARTS } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { keysetList } from '../http/keyset-list';
import { InteractionsApi } from './interactions-api';

/** The enquiries inbox: people who asked something, the open ones first by the time their answer is due. */
@Component({
  selector: 'rp-enquiries-page',
  imports: [LIST_PAGE_PARTS, ReactiveFormsModule],
  template: `
    <rp-page-header
      title="Enquiries"
      subtitle="People who asked you something, from your enquiry form, the API or the console."
    >
      @if (canImport) {
        <a mat-stroked-button routerLink="/customers/import" [queryParams]="{ kind: 'enquiries' }">
          <mat-icon>upload_file</mat-icon> Import CSV
        </a>
      }
    </rp-page-header>
    <rp-list
      [list]="list"
      label="Enquiries"
      emptyIcon="contact_support"
      emptyTitle="No enquiries here"
      emptyMessage="Enquiries arrive from your enquiry form (Settings → Enquiry form), the API, or a customer's page."
      [flagged]="isOverdue"
    >
      <form class="filters" [formGroup]="filters" role="search">
        <rp-search-field label="Search by subject, name or email" [control]="filters.controls.search" />
        <rp-select-field
          label="Status"
          [control]="filters.controls.status"
          [choices]="statuses"
          emptyLabel="Any"
        />
      </form>
      <ng-template rpColumn="From" let-item>
        <a [routerLink]="['/enquiries', item.id]">{{ item.contact.name || item.contact.email }}</a>
      </ng-template>
      <ng-template rpColumn="Subject" let-item>{{ subjectOf(item) }}</ng-template>
      <ng-template rpColumn="Received" let-item>{{ item.occurredAt | date: 'medium' }}</ng-template>
      <ng-template rpColumn="Due" let-item>
        @if (item.dueAt && item.status === 'open') {
          {{ item.dueAt | date: 'medium' }}
          @if (isOverdue(item)) {
            <span class="overdue-tag">Overdue</span>
          }
        } @else {
          —
        }
      </ng-template>
      <ng-template rpColumn="Status" let-item>{{ statusOf(item) }}</ng-template>
    </rp-list>
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnquiriesPage implements OnInit {
  private readonly api = inject(InteractionsApi);
  readonly canImport = inject(SessionStore).can('interactions:write');
  readonly statuses = choicesOf(ENQUIRY_STATUSES, INTERACTION_STATUS_WORDS);
  /** A form's enquiry has no subject: its first words tell it apart. */
  readonly subjectOf = (item: InteractionResponse): string =>
    item.subject ||
    (item.message.length > 60 ? `${item.message.slice(0, 60).trimEnd()}…` : item.message) ||
    '(no subject)';
  /** The API says which are late, by its own clock. */
  readonly isOverdue = (item: InteractionResponse): boolean => item.isOverdue;
  /** The open ones first: the inbox is what still needs an answer. */
  readonly filters = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    status: new FormControl<EnquiryStatus | ''>('open', { nonNullable: true }),
  });
  readonly list = keysetList<InteractionResponse>((cursor) => {
    const { search, status } = this.filters.getRawValue();
    return this.api.list({
      type: 'enquiry',
      status: status || undefined,
      search: search.trim() || undefined,
      cursor,
    });
  });

  constructor() {
    this.filters.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
  }

  statusOf(item: InteractionResponse): string {
    return INTERACTION_STATUS_WORDS[item.status];
  }

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }
}
