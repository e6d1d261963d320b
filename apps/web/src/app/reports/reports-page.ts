import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { ReportSettings, WeeklyReportSummary } from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { ReportsApi } from './reports-api';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The archive of weekly reports, and when the next one arrives (and for whom). */
@Component({
  selector: 'rp-reports-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatSlideToggleModule,
    PageHeaderComponent,
  ],
  template: `
    <rp-page-header title="Reports" subtitle="The weekly report sent to the owner, and its archive.">
      <a mat-stroked-button routerLink="/reports/recommendations">Recommendations</a>
    </rp-page-header>
    @if (settings(); as current) {
      <section class="detail-card settings" aria-labelledby="schedule-title">
        <h2 id="schedule-title">When it arrives</h2>
        <form [formGroup]="schedule" (ngSubmit)="saveSchedule()" class="row">
          <mat-form-field appearance="outline">
            <mat-label>Day</mat-label>
            <mat-select formControlName="weekday">
              @for (day of weekdays; track day) {
                <mat-option [value]="day">{{ dayNames[day - 1] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Hour</mat-label>
            <mat-select formControlName="hour">
              @for (hour of hours; track hour) {
                <mat-option [value]="hour">{{ hour < 10 ? '0' + hour : hour }}:00</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (canManage) {
            <button mat-stroked-button type="submit">Save</button>
          }
        </form>
        <p class="muted">
          In the business's time zone; each report covers the Monday to Sunday before. Owners always receive
          it.
        </p>
        @if (!current.isOwner && isAdmin) {
          <mat-slide-toggle [checked]="current.receivesReport" (change)="receive($event.checked)">
            Email me the weekly report
          </mat-slide-toggle>
        }
        @if (message(); as text) {
          <p role="status">{{ text }}</p>
        }
      </section>
    }
    <section class="detail-card" aria-labelledby="archive-title">
      <h2 id="archive-title">Weeks</h2>
      <ul class="weeks">
        @for (week of archive(); track week.weekStart) {
          <li>
            <a [routerLink]="['/reports', week.weekStart]"
              >Week of {{ week.weekStart | date: 'd MMMM y' : 'UTC' }}</a
            >
            <span class="muted">
              @if (week.emailedAt) {
                emailed {{ week.emailedAt | date: 'medium' }}
              } @else {
                not emailed
              }
            </span>
          </li>
        } @empty {
          @if (isLoaded()) {
            <li class="muted">
              No week has ended since the business began: the first report covers this week, Monday to Sunday,
              and arrives once it ends.
            </li>
          }
        }
      </ul>
    </section>
  `,
  styleUrl: '../lists.scss',
  styles: `
    .settings {
      margin-bottom: 16px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    .weeks {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .weeks li {
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage implements OnInit {
  private readonly api = inject(ReportsApi);
  private readonly session = inject(SessionStore);
  readonly canManage = this.session.can('business:manage');
  readonly isAdmin = this.session.me()?.role === 'admin';
  /** ISO-numbered, Monday first, as the API takes them. */
  readonly weekdays = [1, 2, 3, 4, 5, 6, 7];
  readonly dayNames = DAY_NAMES;
  readonly hours = Array.from({ length: 24 }, (_, hour) => hour);
  readonly archive = signal<WeeklyReportSummary[]>([]);
  readonly isLoaded = signal(false);
  readonly settings = signal<ReportSettings | null>(null);
  readonly message = signal<string | null>(null);
  readonly schedule = new FormGroup({
    weekday: new FormControl(1, { nonNullable: true }),
    hour: new FormControl(8, { nonNullable: true }),
  });

  async ngOnInit(): Promise<void> {
    const [archive, settings] = await Promise.all([this.api.archive(), this.api.settings()]);
    this.archive.set(archive);
    this.isLoaded.set(true);
    this.show(settings);
    if (!this.canManage) this.schedule.disable();
  }

  async saveSchedule(): Promise<void> {
    try {
      const { weekday, hour } = this.schedule.getRawValue();
      this.show(await this.api.schedule(weekday, hour));
      this.message.set(`Saved: every ${DAY_NAMES[weekday - 1]} at ${String(hour).padStart(2, '0')}:00.`);
    } catch (error) {
      this.message.set(apiProblemOf(error).message);
    }
  }

  async receive(receivesReport: boolean): Promise<void> {
    this.show(await this.api.receive(receivesReport));
  }

  private show(settings: ReportSettings): void {
    this.settings.set(settings);
    this.schedule.setValue({ weekday: settings.weekday, hour: settings.hour });
  }
}
