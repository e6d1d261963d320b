import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventResponse } from '@rapport/domain';
import { apiProblemOf } from '../http/api-error';
import { SettingsApi } from './settings-api';

@Component({
  selector: 'rp-audit-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    JsonPipe,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(SettingsApi);

  readonly actions = AUDIT_ACTIONS;
  readonly columns = ['when', 'actor', 'action', 'target', 'ip'];
  readonly events = signal<AuditEventResponse[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly filters = new FormGroup({
    action: new FormControl<AuditAction | ''>('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  async ngOnInit(): Promise<void> {
    await this.search();
  }

  async search(): Promise<void> {
    await this.load(undefined);
  }

  async loadMore(): Promise<void> {
    await this.load(this.nextCursor() ?? undefined);
  }

  private async load(cursor: string | undefined): Promise<void> {
    const { action, actor, from, to } = this.filters.getRawValue();
    this.error.set(null);
    try {
      const page = await this.api.auditEvents({
        action: action || undefined,
        actor: actor || undefined,
        // Dates are picked as local days; the API takes instants.
        from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
        to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
        cursor,
      });
      this.events.set(cursor ? [...this.events(), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }
}
