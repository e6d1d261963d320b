import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  type OnInit,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { Router } from '@angular/router';
import {
  CONTACT_KINDS,
  type ContactKind,
  CUSTOMER_SORTS,
  type CustomerResponse,
  type CustomerSort,
  customerSortOf,
  type NpsBand,
  SUBSCRIPTION_STATES,
  type SubscriptionState,
} from '@rapport/domain';
import { choicesOf, LIST_PAGE_PARTS } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SessionStore } from '../auth/session-store';
import { keysetList } from '../http/keyset-list';
import { CustomersApi } from './customers-api';

/** The list's orders, as the sort control names them. */
const SORT_LABELS: Record<CustomerSort, string> = {
  newest: 'Newest first',
  name: 'Name (A to Z)',
  'last-order': 'Latest order first',
  orders: 'Most orders first',
};

@Component({
  selector: 'rp-customers-page',
  imports: [LIST_PAGE_PARTS, ReactiveFormsModule, MatChipsModule],
  templateUrl: './customers-page.html',
  styleUrl: '../lists.scss',
  styles: `
    .prospect {
      margin-left: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomersPage implements OnInit {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  readonly sorts = choicesOf(CUSTOMER_SORTS, SORT_LABELS);
  /** From the query string (withComponentInputBinding), so the order survives a reload and a shared link. */
  readonly sort = input<string>();
  readonly canImport = inject(SessionStore).can('customers:write');
  readonly states = choicesOf(SUBSCRIPTION_STATES);
  readonly kinds = choicesOf(CONTACT_KINDS, { prospect: 'Prospects', customer: 'Customers' });
  readonly answered = choicesOf(['yes', 'no', 'promoter', 'passive', 'detractor'] as const, {
    yes: 'Has answered',
    no: 'Never answered',
    promoter: 'Latest score: promoter',
    passive: 'Latest score: passive',
    detractor: 'Latest score: detractor',
  });
  readonly filters = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    tag: new FormControl('', { nonNullable: true }),
    subscriptionState: new FormControl<SubscriptionState | ''>('', { nonNullable: true }),
    kind: new FormControl<ContactKind | ''>('', { nonNullable: true }),
    answered: new FormControl<'' | 'yes' | 'no' | NpsBand>('', { nonNullable: true }),
    sort: new FormControl<CustomerSort>('newest', { nonNullable: true }),
  });

  /** Reads the filters when it loads, so a reload asks for what the form shows. */
  readonly list = keysetList<CustomerResponse>((cursor) => {
    const { search, tag, subscriptionState, kind, answered, sort } = this.filters.getRawValue();
    return this.api.list({
      search: search.trim() || undefined,
      tag: tag.trim() || undefined,
      subscriptionState: subscriptionState || undefined,
      kind: kind || undefined,
      hasAnswered: answered === 'yes' ? true : answered === 'no' ? false : undefined,
      band:
        answered === 'promoter' || answered === 'passive' || answered === 'detractor' ? answered : undefined,
      sort: sort === 'newest' ? undefined : sort,
      cursor,
    });
  });

  constructor() {
    this.filters.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
    this.filters.controls.sort.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((sort) => void this.keepSortInUrl(sort));
    // Back and forward between two orders: the router keeps this page and only the query string changes.
    effect(() => {
      const wanted = customerSortOf(this.sort());
      untracked(() => {
        if (this.filters.controls.sort.value === wanted) return;
        this.filters.controls.sort.setValue(wanted, { emitEvent: false });
        void this.list.reload();
      });
    });
  }

  async ngOnInit(): Promise<void> {
    this.filters.controls.sort.setValue(customerSortOf(this.sort()), { emitEvent: false });
    await this.list.reload();
  }

  private async keepSortInUrl(sort: CustomerSort): Promise<void> {
    await this.router.navigate([], {
      queryParams: { sort: sort === 'newest' ? null : sort },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
