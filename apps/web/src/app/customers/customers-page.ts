import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  type CustomerResponse,
  type NpsBand,
  SUBSCRIPTION_STATES,
  type SubscriptionState,
} from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SessionStore } from '../auth/session-store';
import { KeysetList } from '../http/keyset-list';
import { CustomersApi } from './customers-api';

@Component({
  selector: 'rp-customers-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatChipsModule,
    PageHeaderComponent,
    EmptyStateComponent,
  ],
  templateUrl: './customers-page.html',
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomersPage implements OnInit {
  private readonly api = inject(CustomersApi);
  readonly canImport = inject(SessionStore).can('customers:write');
  readonly states = SUBSCRIPTION_STATES;
  readonly columns = ['name', 'email', 'tags', 'orders', 'lastOrder', 'state'];
  readonly filters = new FormGroup({
    search: new FormControl('', { nonNullable: true }),
    tag: new FormControl('', { nonNullable: true }),
    subscriptionState: new FormControl<SubscriptionState | ''>('', { nonNullable: true }),
    answered: new FormControl<'' | 'yes' | 'no' | NpsBand>('', { nonNullable: true }),
  });

  /** Reads the filters when it loads, so a reload asks for what the form shows. */
  readonly list = new KeysetList<CustomerResponse>((cursor) => {
    const { search, tag, subscriptionState, answered } = this.filters.getRawValue();
    return this.api.list({
      search: search.trim() || undefined,
      tag: tag.trim() || undefined,
      subscriptionState: subscriptionState || undefined,
      hasAnswered: answered === 'yes' ? true : answered === 'no' ? false : undefined,
      band:
        answered === 'promoter' || answered === 'passive' || answered === 'detractor' ? answered : undefined,
      cursor,
    });
  });

  constructor() {
    this.filters.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.list.reload());
  }

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }
}
