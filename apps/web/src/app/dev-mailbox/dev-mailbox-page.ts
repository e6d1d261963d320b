import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatListModule } from '@angular/material/list';
import { DomSanitizer } from '@angular/platform-browser';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import type { DevMailboxMessageResponse } from '@rapport/domain';
import { catchError, of } from 'rxjs';
import { DatePipe } from '@angular/common';

/**
 * The development mail catcher: the emails Rapport kept instead of sending, as the recipient would see
 * them. The API decides what shows: everything to this machine, a signed-in person's own and their
 * business's elsewhere (a 401 sends the person to sign in and back here).
 */
@Component({
  selector: 'rp-dev-mailbox-page',
  imports: [MatListModule, PageHeaderComponent, EmptyStateComponent, DatePipe],
  templateUrl: './dev-mailbox-page.html',
  styleUrl: './dev-mailbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevMailboxPage {
  private readonly sanitizer = inject(DomSanitizer);
  readonly messages = toSignal(
    inject(HttpClient)
      .get<DevMailboxMessageResponse[]>('/api/dev/mailbox')
      .pipe(catchError(() => of(null))),
  );
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => {
    const messages = this.messages() ?? [];
    return messages.find((message) => message.id === this.selectedId()) ?? messages[0] ?? null;
  });
  readonly selectedMessageId = computed(() => this.selected()?.id ?? null);
  /** Our own rendered emails, shown in a sandboxed frame without scripts. */
  readonly preview = computed(() => {
    const message = this.selected();
    return message ? this.sanitizer.bypassSecurityTrustHtml(message.html) : null;
  });
}
