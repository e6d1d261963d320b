import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { EnquiryFormResponse } from '@rapport/domain';
import { CopyButtonComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf } from '../http/api-error';
import { Submission } from '../http/submission';
import { SettingsApi } from './settings-api';

/** The business's public enquiry form: its page, the snippet for a website, on or off, and a new address. */
@Component({
  selector: 'rp-enquiry-form-page',
  imports: [CopyButtonComponent, MatButtonModule, MatSlideToggleModule],
  template: `
    @if (loadError(); as message) {
      <p class="settings-error" role="alert">{{ message }}</p>
    }
    @if (form(); as value) {
      <section class="settings-section" aria-labelledby="enquiry-form-title">
        <h2 id="enquiry-form-title">Enquiry form</h2>
        <p class="lead">
          People ask you something on this page or through the form on your website; each enquiry lands in
          Enquiries with the time its answer is due, and the person among your customers as a prospect.
        </p>
        <mat-slide-toggle
          [checked]="value.isEnabled"
          [disabled]="!canManage || saving.isBusy()"
          (change)="setEnabled($event.checked)"
        >
          {{ value.isEnabled ? 'On: the form takes enquiries' : 'Off: the form says it is closed' }}
        </mat-slide-toggle>
        <dl class="facts">
          <dt>Page</dt>
          <dd>
            <a [href]="value.url" target="_blank" rel="noopener"
              ><code>{{ value.url }}</code></a
            >
            <rp-copy-button [value]="value.url" label="Copy the address of the enquiry page" />
          </dd>
        </dl>
        <h3>On your website</h3>
        <p class="lead">Paste this where the form should show. It works without JavaScript.</p>
        <textarea
          class="snippet"
          readonly
          rows="8"
          aria-label="The form's HTML for your website"
          [value]="value.snippet"
        ></textarea>
        <rp-copy-button [value]="value.snippet" label="Copy the form's HTML" />
        @if (canManage) {
          <h3>New address</h3>
          <p class="lead">
            When the form draws spam, move it to a new address. The old page and every snippet pasted before
            stop working.
          </p>
          <button mat-stroked-button type="button" [disabled]="saving.isBusy()" (click)="moveAddress()">
            New address
          </button>
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
    .facts {
      margin: 16px 0;
    }
    .snippet {
      display: block;
      box-sizing: border-box;
      width: 100%;
      margin-bottom: 8px;
      padding: 8px;
      font-family: ui-monospace, monospace;
      font-size: 13px;
      resize: vertical;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnquiryFormPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly confirmation = inject(Confirmation);
  readonly canManage = inject(SessionStore).can('business:manage');
  readonly form = signal<EnquiryFormResponse | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly notice = signal<string | null>(null);
  readonly saving = new Submission();

  async ngOnInit(): Promise<void> {
    try {
      this.form.set(await this.api.enquiryForm());
    } catch (error) {
      this.loadError.set(apiProblemOf(error).message);
    }
  }

  async setEnabled(isEnabled: boolean): Promise<void> {
    this.notice.set(null);
    const previous = this.form();
    await this.saving.run(null, async () => this.form.set(await this.api.updateEnquiryForm({ isEnabled })));
    // Refused: the toggle goes back to what the server holds.
    if (this.saving.error() && previous) this.form.set({ ...previous });
  }

  async moveAddress(): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: 'Move the form to a new address?',
      message:
        'The old page and every copy of the snippet on your websites stop working at once. Paste the new snippet where the old one was.',
      confirmLabel: 'New address',
      isDestructive: true,
    });
    if (!isSure) return;
    this.notice.set(null);
    await this.saving.run(null, async () => {
      this.form.set(await this.api.updateEnquiryForm({ newAddress: true }));
      this.notice.set('The form has a new address. Paste the new snippet on your website.');
    });
  }
}
