import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  listTimeZones,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NOTIFICATION_WORDS,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferencesResponse,
  type UpdateNotificationPreferencesRequest,
} from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { Submission } from '../http/submission';
import { SettingsApi } from './settings-api';

const DELIVERY_WORDS: Record<NotificationDelivery, string> = {
  instant: 'Email at once',
  summary: 'In the daily summary',
  none: 'Off',
};

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const TIME_ZONES = listTimeZones();

/** How the signed-in member hears of what happens in the business: each kind, and their summary's hour. */
@Component({
  selector: 'rp-notifications-page',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, ReactiveFormsModule, RouterLink],
  template: `
    @if (loadError(); as message) {
      <p class="settings-error" role="alert">{{ message }}</p>
    }
    @if (preferences(); as value) {
      <section class="settings-section" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Notifications</h2>
        <p class="lead">
          How you hear of what happens at {{ businessName() }}: an email at once, one summary email a day, or
          not at all. These are yours alone; each person on the team chooses their own. A case assigned to you
          always reaches you.
        </p>
        <ul class="kinds">
          @for (item of value.kinds; track item.kind) {
            <li class="kind">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ words[item.kind] }}</mat-label>
                <mat-select
                  [formControl]="kindControls[item.kind]"
                  (selectionChange)="choose(item.kind, $event.value)"
                >
                  @for (delivery of deliveries; track delivery) {
                    <mat-option [value]="delivery">{{ deliveryWords[delivery] }}</mat-option>
                  }
                </mat-select>
                @if (!item.isChosen) {
                  <mat-hint>Default for your role</mat-hint>
                }
              </mat-form-field>
              @if (item.isChosen) {
                <button
                  mat-button
                  type="button"
                  [disabled]="saving.isBusy()"
                  [attr.aria-label]="'Back to the default for ' + words[item.kind]"
                  (click)="choose(item.kind, null)"
                >
                  Back to the default
                </button>
              }
            </li>
          }
        </ul>

        <h3>Daily summary</h3>
        <p class="lead">Sent at this hour, only on days when something happened.</p>
        <div class="settings-row">
          <mat-form-field appearance="outline">
            <mat-label>Hour</mat-label>
            <mat-select [formControl]="hour" (selectionChange)="save({ summaryHour: $event.value })">
              @for (choice of hours; track choice) {
                <mat-option [value]="choice">{{ hourLabel(choice) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Your time zone</mat-label>
            <mat-select [formControl]="zone" (selectionChange)="save({ timeZone: $event.value || null })">
              <mat-option value="">The business's ({{ zoneLabel(value.businessTimeZone) }})</mat-option>
              @for (choice of timeZones; track choice) {
                <mat-option [value]="choice">{{ zoneLabel(choice) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (canManage) {
          <p class="lead">
            For the whole team in a Slack or Microsoft Teams channel, add the channel in
            <a routerLink="/settings/webhooks">Webhooks</a>.
          </p>
        }
        @if (saving.error(); as message) {
          <p class="settings-error" role="alert">{{ message }}</p>
        }
        @if (notice(); as message) {
          <p class="settings-ok" role="status">{{ message }}</p>
        }
      </section>
    }
  `,
  styleUrl: './settings-forms.scss',
  styles: `
    .kinds {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
    }
    .kind {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin-bottom: 12px;
    }
    .kind mat-form-field {
      flex: 1 1 280px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly session = inject(SessionStore);
  readonly canManage = this.session.can('business:manage');
  readonly businessName = computed(() => this.session.businessName() ?? 'your business');
  readonly preferences = signal<NotificationPreferencesResponse | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly notice = signal<string | null>(null);
  readonly saving = new Submission();
  /** The selects, set from what the server holds after each load and save (a refused pick is undone). */
  readonly kindControls = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      new FormControl<NotificationDelivery>('none', { nonNullable: true }),
    ]),
  ) as Record<NotificationKind, FormControl<NotificationDelivery>>;
  readonly hour = new FormControl(8, { nonNullable: true });
  readonly zone = new FormControl('', { nonNullable: true });
  readonly words = NOTIFICATION_WORDS;
  readonly deliveries = NOTIFICATION_DELIVERIES;
  readonly deliveryWords = DELIVERY_WORDS;
  readonly hours = HOURS;
  readonly timeZones = TIME_ZONES;

  async ngOnInit(): Promise<void> {
    try {
      this.show(await this.api.notificationPreferences());
    } catch (error) {
      this.loadError.set(apiProblemOf(error).message);
    }
  }

  choose(kind: NotificationKind, delivery: NotificationDelivery | null): Promise<void> {
    return this.save({ choices: { [kind]: delivery } });
  }

  async save(changes: UpdateNotificationPreferencesRequest): Promise<void> {
    this.notice.set(null);
    const previous = this.preferences();
    this.setDisabled(true);
    await this.saving.run(null, async () => {
      this.show(await this.api.updateNotificationPreferences(changes));
      this.notice.set('Saved');
    });
    this.setDisabled(false);
    // Refused: the selects go back to what the server holds.
    if (this.saving.error() && previous) this.show(previous);
  }

  private show(preferences: NotificationPreferencesResponse): void {
    this.preferences.set(preferences);
    for (const item of preferences.kinds) this.kindControls[item.kind].setValue(item.delivery);
    this.hour.setValue(preferences.summaryHour);
    this.zone.setValue(preferences.timeZone ?? '');
  }

  private setDisabled(isDisabled: boolean): void {
    for (const control of [...Object.values(this.kindControls), this.hour, this.zone])
      if (isDisabled) control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
  }

  hourLabel(hour: number): string {
    return `${String(hour).padStart(2, '0')}:00`;
  }

  zoneLabel(zone: string): string {
    return zone.replaceAll('_', ' ');
  }
}
