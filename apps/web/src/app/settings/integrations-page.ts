import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type {
  IntegrationResponse,
  ShopConnectionState,
  ShopProvider,
  TestDeliveryResponse,
} from '@rapport/domain';
import { apiProblemOf } from '../http/api-error';

/** Each shop's settings, step by step, as its admin names them. */
const HOW_TO: Record<ShopProvider, { name: string; steps: string[] }> = {
  shopify: {
    name: 'Shopify',
    steps: [
      'In your Shopify admin, open Settings → Notifications, then Webhooks at the bottom of the page.',
      'Create a webhook for each of "Order creation", "Order fulfillment" and "Order cancellation": format JSON, URL the webhook address above.',
      'Copy the signing secret Shopify shows under the webhooks ("Your webhooks will be signed with ..."), paste it here and press Connect.',
      'Place an order with your own email address: it shows below within seconds.',
    ],
  },
  woocommerce: {
    name: 'WooCommerce',
    steps: [
      'Press Connect here with the secret left empty: Rapport makes one for you.',
      'In WordPress, open WooCommerce → Settings → Advanced → Webhooks and add a webhook.',
      'Status Active, topic "Order created", delivery URL the webhook address above, secret the one Rapport made; save. Add a second one, the same with topic "Order updated".',
      'Place an order with your own email address: it shows below within seconds.',
    ],
  },
  stripe: {
    name: 'Stripe',
    steps: [
      'In the Stripe Dashboard, open Developers → Webhooks and add an endpoint with the webhook address above.',
      'Choose the events checkout.session.completed and charge.refunded.',
      "Reveal the endpoint's signing secret (it starts with whsec_), paste it here and press Connect.",
      'Make a purchase with your own email address: it shows below within seconds.',
    ],
  },
};

/** What each state of a connection means for the person connecting it. */
const STATE_WORDS: Record<ShopConnectionState, string> = {
  'not-connected': 'Not connected yet.',
  waiting:
    'Connected, waiting for the first delivery. If an order placed in the shop does not show here within a minute, check the address and the secret in the shop.',
  receiving: 'Receiving orders.',
  refusing:
    'The latest delivery arrived but could not be used: its reason is below. Orders before it were received.',
};

import { CopyButtonComponent } from '@rapport/ui';
import { ApiClient } from '../http/api-client';
@Component({
  selector: 'rp-integrations-page',
  imports: [CopyButtonComponent, FormsModule, DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './integrations-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrationsPage implements OnInit {
  private readonly api = inject(ApiClient);
  readonly howTo = HOW_TO;
  readonly stateWords = STATE_WORDS;
  readonly integrations = signal<IntegrationResponse[]>([]);
  readonly secrets = signal<Partial<Record<ShopProvider, string>>>({});
  readonly error = signal<string | null>(null);
  /** The answer to each shop's latest "Send a test delivery", while it is sending: 'sending'. */
  readonly tests = signal<Partial<Record<ShopProvider, TestDeliveryResponse | 'sending'>>>({});

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
      await this.api.put<void>(`/api/integrations/${provider}`, secret ? { secret } : {});
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

  /** Rapport posts a signed sample order to the shop's webhook address and says whether it got through. */
  async sendTestDelivery(provider: ShopProvider): Promise<void> {
    this.error.set(null);
    this.tests.set({ ...this.tests(), [provider]: 'sending' });
    try {
      const result = await this.api.post<TestDeliveryResponse>(
        `/api/integrations/${provider}/test-delivery`,
        {},
      );
      this.tests.set({ ...this.tests(), [provider]: result });
      await this.reload();
    } catch (error) {
      this.tests.set({ ...this.tests(), [provider]: undefined });
      this.error.set(apiProblemOf(error).message);
    }
  }

  async disconnect(provider: ShopProvider): Promise<void> {
    await this.api.delete<void>(`/api/integrations/${provider}`);
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.integrations.set(await this.api.get<IntegrationResponse[]>('/api/integrations'));
  }
}
