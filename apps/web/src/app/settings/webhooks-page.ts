import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type CreatedWebhookEndpointResponse,
  type EndpointFormat,
  type EndpointDeliveryResponse,
  type Page,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_EVENT_WORDS,
  type WebhookEndpointResponse,
  type WebhookEventType,
} from '@rapport/domain';
import { CopyButtonComponent, DataColumnDirective, DataTableComponent } from '@rapport/ui';
import { Confirmation } from '../dialogs/confirm-dialog';
import { ApiClient } from '../http/api-client';
import { apiProblemOf } from '../http/api-error';

/** A form control's name for an event type: Angular's forms read a dot as a path. */
function controlOf(type: WebhookEventType): string {
  return type.replace('.', '_');
}

/** The delivery log shows this many at a time. */
const LOG_PAGE = 20;

/**
 * Where the business's events go: endpoints with the events each wants, the secret shown once, pause and
 * resume, a test event, and each endpoint's delivery log with "Resend".
 */
@Component({
  selector: 'rp-webhooks-page',
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
    MatButtonToggleModule,
  ],
  templateUrl: './webhooks-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly confirmation = inject(Confirmation);

  readonly eventTypes = WEBHOOK_EVENT_TYPES;
  readonly eventWords = WEBHOOK_EVENT_WORDS;
  readonly endpoints = signal<WebhookEndpointResponse[]>([]);
  /** The new endpoint with its secret, shown once right after it is created. */
  readonly created = signal<CreatedWebhookEndpointResponse | null>(null);
  readonly error = signal<string | null>(null);
  /** The endpoint whose log is open, and the log. */
  readonly opened = signal<WebhookEndpointResponse | null>(null);
  readonly log = signal<EndpointDeliveryResponse[]>([]);
  /** Where the log's next (older) page starts, when there is one. */
  readonly logCursor = signal<string | null>(null);
  readonly notice = signal<string | null>(null);
  /** The endpoint being changed in the form, or null while the form adds a new one. */
  readonly editing = signal<WebhookEndpointResponse | null>(null);
  readonly formats: { value: EndpointFormat; label: string; hint: string }[] = [
    {
      value: 'json',
      label: 'Your system',
      hint: 'Signed JSON for a CRM, a helpdesk or an automation tool.',
    },
    {
      value: 'slack',
      label: 'Slack',
      hint: "A channel's incoming webhook URL (Slack: Apps → Incoming Webhooks → Add to a channel).",
    },
    {
      value: 'teams',
      label: 'Microsoft Teams',
      hint: "A channel's workflow URL (Teams: the channel's … → Workflows → Post to a channel when a webhook request is received).",
    },
  ];
  readonly format = new FormControl<EndpointFormat>('json', { nonNullable: true });
  readonly url = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(2000)],
  });
  readonly description = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] });
  readonly chosen = new FormGroup(
    Object.fromEntries(
      WEBHOOK_EVENT_TYPES.map((type) => [controlOf(type), new FormControl(false, { nonNullable: true })]),
    ),
  );

  async ngOnInit(): Promise<void> {
    await this.reload();
  }

  controlOf(type: WebhookEventType): string {
    return controlOf(type);
  }

  hintOf(format: EndpointFormat): string {
    return this.formats.find((choice) => choice.value === format)?.hint ?? '';
  }

  labelOf(format: EndpointFormat): string {
    return this.formats.find((choice) => choice.value === format)?.label ?? format;
  }

  eventsOf(endpoint: WebhookEndpointResponse): string {
    return endpoint.events.join(', ');
  }

  /** Loads an endpoint into the form to change its events, description or address (not its kind). */
  edit(endpoint: WebhookEndpointResponse): void {
    this.editing.set(endpoint);
    this.created.set(null);
    this.error.set(null);
    this.format.setValue(endpoint.format);
    this.format.disable();
    // Its address is shown shortened (a channel's URL is its secret): left empty, it stays as it is.
    this.url.setValidators([Validators.maxLength(2000)]);
    this.url.reset('');
    this.description.setValue(endpoint.description);
    for (const type of WEBHOOK_EVENT_TYPES)
      this.chosen.controls[controlOf(type)]?.setValue(endpoint.events.includes(type));
  }

  cancelEdit(): void {
    this.editing.set(null);
    this.format.enable();
    this.url.setValidators([Validators.required, Validators.maxLength(2000)]);
    this.url.reset('');
    this.description.reset('');
    this.chosen.reset();
  }

  /** Adds the endpoint in the form, or saves the changes to the one being edited. */
  async submit(): Promise<void> {
    const editing = this.editing();
    if (!editing) return this.create();
    const events = WEBHOOK_EVENT_TYPES.filter((type) => this.chosen.controls[controlOf(type)]?.value);
    if (this.url.invalid || events.length === 0) {
      this.error.set(events.length === 0 ? 'Choose at least one event to send.' : null);
      return;
    }
    const url = this.url.value.trim();
    await this.act(async () => {
      await this.api.patch(`/api/webhook-endpoints/${editing.id}`, {
        events,
        description: this.description.value.trim(),
        ...(url ? { url } : {}),
      });
      this.notice.set(`Saved the changes to ${editing.url}.`);
      this.cancelEdit();
    });
  }

  async create(): Promise<void> {
    const events = WEBHOOK_EVENT_TYPES.filter((type) => this.chosen.controls[controlOf(type)]?.value);
    if (this.url.invalid || events.length === 0) {
      this.url.markAsTouched();
      this.error.set(events.length === 0 ? 'Choose at least one event to send.' : null);
      return;
    }
    this.error.set(null);
    try {
      this.created.set(
        await this.api.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
          format: this.format.value,
          url: this.url.value.trim(),
          events,
          description: this.description.value.trim(),
        }),
      );
      this.url.reset('');
      this.description.reset('');
      this.chosen.reset();
      await this.reload();
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async setActive(endpoint: WebhookEndpointResponse, isActive: boolean): Promise<void> {
    await this.act(() => this.api.patch(`/api/webhook-endpoints/${endpoint.id}`, { isActive }));
  }

  async sendTest(endpoint: WebhookEndpointResponse): Promise<void> {
    await this.act(async () => {
      await this.api.post(`/api/webhook-endpoints/${endpoint.id}/test`, {});
      this.notice.set(`A test event is on its way to ${endpoint.url}; its delivery shows in the log.`);
      await this.openLog(endpoint);
    });
  }

  async remove(endpoint: WebhookEndpointResponse): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: `Remove the endpoint ${endpoint.url}?`,
      message: 'It gets no more events, and its delivery log is deleted.',
      confirmLabel: 'Remove',
      isDestructive: true,
    });
    if (!isSure) return;
    await this.act(async () => {
      await this.api.delete(`/api/webhook-endpoints/${endpoint.id}`);
      if (this.opened()?.id === endpoint.id) this.opened.set(null);
      if (this.editing()?.id === endpoint.id) this.cancelEdit();
    });
  }

  async openLog(endpoint: WebhookEndpointResponse): Promise<void> {
    this.opened.set(endpoint);
    const page = await this.api.get<Page<EndpointDeliveryResponse>>(
      `/api/webhook-endpoints/${endpoint.id}/deliveries`,
      { limit: LOG_PAGE },
    );
    this.log.set(page.items);
    this.logCursor.set(page.nextCursor);
  }

  async showOlder(): Promise<void> {
    const endpoint = this.opened();
    const cursor = this.logCursor();
    if (!endpoint || !cursor) return;
    const page = await this.api.get<Page<EndpointDeliveryResponse>>(
      `/api/webhook-endpoints/${endpoint.id}/deliveries`,
      { limit: LOG_PAGE, cursor },
    );
    this.log.update((items) => [...items, ...page.items]);
    this.logCursor.set(page.nextCursor);
  }

  async resend(delivery: EndpointDeliveryResponse): Promise<void> {
    const endpoint = this.opened();
    if (!endpoint) return;
    await this.act(async () => {
      await this.api.post(`/api/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}/resend`, {});
      this.notice.set('Sent again, with the same event id.');
      await this.openLog(endpoint);
    });
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    this.error.set(null);
    try {
      await work();
      await this.reload();
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  private async reload(): Promise<void> {
    this.endpoints.set(await this.api.get<WebhookEndpointResponse[]>('/api/webhook-endpoints'));
    const opened = this.opened();
    if (opened) this.opened.set(this.endpoints().find((endpoint) => endpoint.id === opened.id) ?? null);
  }
}
