import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  API_KEY_SCOPES,
  type ApiKeyResponse,
  type ApiKeyScope,
  type CreatedApiKeyResponse,
} from '@rapport/domain';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf } from '../http/api-error';
import { SettingsApi } from './settings-api';

import { CopyButtonComponent, DataColumnDirective, DataTableComponent } from '@rapport/ui';
@Component({
  selector: 'rp-api-keys-page',
  imports: [
    CopyButtonComponent,
    ReactiveFormsModule,
    DatePipe,
    DataTableComponent,
    DataColumnDirective,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
  ],
  templateUrl: './api-keys-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeysPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly confirmation = inject(Confirmation);

  readonly scopes = API_KEY_SCOPES;
  readonly keys = signal<ApiKeyResponse[]>([]);
  /** The whole key, shown once right after it is created. */
  readonly created = signal<CreatedApiKeyResponse | null>(null);
  readonly error = signal<string | null>(null);
  readonly name = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(80)],
  });
  readonly chosen = new FormGroup(
    Object.fromEntries(API_KEY_SCOPES.map((scope) => [scope, new FormControl(false, { nonNullable: true })])),
  );

  async ngOnInit(): Promise<void> {
    this.keys.set(await this.api.apiKeys());
  }

  async create(): Promise<void> {
    const scopes = API_KEY_SCOPES.filter((scope) => this.chosen.controls[scope]?.value) as ApiKeyScope[];
    if (this.name.invalid || scopes.length === 0) {
      this.name.markAsTouched();
      this.error.set(scopes.length === 0 ? 'Choose at least one thing the key may do.' : null);
      return;
    }
    this.error.set(null);
    try {
      this.created.set(await this.api.createApiKey({ name: this.name.value, scopes }));
      this.name.reset('');
      this.chosen.reset();
      this.keys.set(await this.api.apiKeys());
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async revoke(key: ApiKeyResponse): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: `Revoke "${key.name}"?`,
      message: 'Integrations using it stop working at once.',
      confirmLabel: 'Revoke',
      isDestructive: true,
    });
    if (!isSure) return;
    await this.api.revokeApiKey(key.id);
    this.keys.set(await this.api.apiKeys());
  }
}
