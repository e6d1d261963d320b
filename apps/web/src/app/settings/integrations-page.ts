import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { IntegrationResponse, ShopProvider } from '@rapport/domain';
import { firstValueFrom } from 'rxjs';
import { apiProblemOf } from '../http/api-error';

const HOW_TO: Record<ShopProvider, { name: string; steps: string }> = {
  shopify: {
    name: 'Shopify',
    steps:
      'In Shopify: Settings → Notifications → Webhooks. Create webhooks for "Order creation", "Order fulfillment" and "Order cancellation" (JSON) with this URL, then paste the signing secret Shopify shows.',
  },
  woocommerce: {
    name: 'WooCommerce',
    steps:
      'Connect to get a secret, then in WooCommerce: Settings → Advanced → Webhooks. Add "Order created" and "Order updated" webhooks with this URL and secret.',
  },
  stripe: {
    name: 'Stripe',
    steps:
      'In Stripe: Developers → Webhooks. Add an endpoint with this URL for checkout.session.completed and charge.refunded, then paste its signing secret (whsec_…).',
  },
};

import { CopyButtonComponent } from '@rapport/ui';
@Component({
  selector: 'rp-integrations-page',
  imports: [CopyButtonComponent, FormsModule, DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './integrations-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrationsPage implements OnInit {
  private readonly http = inject(HttpClient);
  readonly howTo = HOW_TO;
  readonly integrations = signal<IntegrationResponse[]>([]);
  readonly secrets = signal<Partial<Record<ShopProvider, string>>>({});
  readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    await this.reload();
  }

  setSecret(provider: ShopProvider, value: string): void {
    this.secrets.set({ ...this.secrets(), [provider]: value });
  }

  async connect(provider: ShopProvider): Promise<void> {
    this.error.set(null);
    try {
      const secret = this.secrets()[provider]?.trim();
      await firstValueFrom(this.http.put<void>(`/api/integrations/${provider}`, secret ? { secret } : {}));
      this.setSecret(provider, '');
      await this.reload();
    } catch (error) {
      this.error.set(
        apiProblemOf(error).fields['secret']
          ? `The secret ${apiProblemOf(error).fields['secret']}`
          : apiProblemOf(error).message,
      );
    }
  }

  async disconnect(provider: ShopProvider): Promise<void> {
    await firstValueFrom(this.http.delete<void>(`/api/integrations/${provider}`));
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.integrations.set(await firstValueFrom(this.http.get<IntegrationResponse[]>('/api/integrations')));
  }
}
