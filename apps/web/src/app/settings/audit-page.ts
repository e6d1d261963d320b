import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventResponse } from '@rapport/domain';
import {
  choicesOf,
  DataColumnDirective,
  ListPageComponent,
  SelectFieldComponent,
  TextFieldComponent,
} from '@rapport/ui';
import { keysetList } from '../http/keyset-list';
import { SettingsApi } from './settings-api';

@Component({
  selector: 'rp-audit-page',
  imports: [
    TextFieldComponent,
    SelectFieldComponent,
    ReactiveFormsModule,
    DatePipe,
    JsonPipe,
    MatButtonModule,
    ListPageComponent,
    DataColumnDirective,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(SettingsApi);

  readonly actions = choicesOf(AUDIT_ACTIONS);
  readonly filters = new FormGroup({
    action: new FormControl<AuditAction | ''>('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  /** Reads the filters when it loads, so a search asks for what the form shows. */
  readonly list = keysetList<AuditEventResponse>((cursor) => {
    const { action, actor, from, to } = this.filters.getRawValue();
    return this.api.auditEvents({
      action: action || undefined,
      actor: actor || undefined,
      // Dates are picked as local days; the API takes instants.
      from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
      to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
      cursor,
    });
  });

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }
}
