import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { MailboxEmailDetailResponse, MailboxEmailResponse, MailboxPageResponse } from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { ApiClient } from '../http/api-client';
import { keysetList } from '../http/keyset-list';

/** The business's emails to its buyers as they received them (while no email provider is configured). */
@Component({
  selector: 'rp-mailbox-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, PageHeaderComponent, EmptyStateComponent],
  template: `
    <rp-page-header title="Mailbox" subtitle="Your emails to buyers, as they received them.">
      <a mat-button routerLink="/automations"><mat-icon>arrow_back</mat-icon> Automations</a>
    </rp-page-header>
    @if (list.error(); as message) {
      <p class="mailbox__error" role="alert">{{ message }}</p>
    }
    @if (!list.isLoading()) {
      @if (!isCatching()) {
        <rp-empty-state
          icon="send"
          title="Sent through your email provider"
          message="Emails go out through SendGrid and are not kept here; Messages shows what became of each."
        />
      } @else if (list.items().length === 0) {
        <rp-empty-state
          icon="inbox"
          title="No emails yet"
          message="Follow-ups appear here as they are sent."
        />
      } @else {
        <div class="mailbox">
          <ul class="mailbox__list" aria-label="Emails">
            @for (email of list.items(); track email.id) {
              <li>
                <button type="button" [class.selected]="selected()?.id === email.id" (click)="open(email)">
                  <strong>{{ email.subject }}</strong>
                  <span>To {{ email.to }} · {{ email.createdAt | date: 'short' }}</span>
                </button>
              </li>
            }
            @if (list.nextCursor()) {
              <li><button mat-button type="button" (click)="list.more()">Show more</button></li>
            }
          </ul>
          @if (selected(); as email) {
            <article class="mailbox__email" aria-label="Selected email">
              <p>
                <strong>{{ email.subject }}</strong><br />To {{ email.to }}
              </p>
              <iframe title="Email as the buyer sees it" sandbox="" [srcdoc]="html()"></iframe>
            </article>
          }
        </div>
      }
    }
  `,
  styles: `
    .mailbox {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) 2fr;
      gap: 16px;
    }
    /* On a phone the email opens under the list, as wide as the screen. */
    @media (max-width: 840px) {
      .mailbox {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .mailbox__error {
      color: var(--mat-sys-error);
    }
    .mailbox__list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .mailbox__list button:not([mat-button]) {
      display: block;
      width: 100%;
      text-align: left;
      padding: 10px 12px;
      border: 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: transparent;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .mailbox__list button span {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .mailbox__list .selected {
      background: var(--mat-sys-secondary-container);
    }
    iframe {
      width: 100%;
      height: 640px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: #fff;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailboxPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly sanitizer = inject(DomSanitizer);
  /** From the query string (an order's follow-ups link here): the email to open first. */
  readonly email = input<string>();
  /** Whether emails are kept here at all: not once an email provider sends them. */
  readonly isCatching = signal(true);
  readonly list = keysetList<MailboxEmailResponse>(async (cursor) => {
    const page = await this.api.get<MailboxPageResponse>('/api/mailbox', { cursor });
    this.isCatching.set(page.isCatching);
    return page;
  });
  readonly selected = signal<MailboxEmailDetailResponse | null>(null);
  readonly html = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.selected()?.html ?? ''));

  async ngOnInit(): Promise<void> {
    await this.list.reload();
    const asked = this.email();
    const first = asked ? { id: asked } : this.list.items()[0];
    if (first) await this.open(first);
  }

  async open(email: Pick<MailboxEmailResponse, 'id'>): Promise<void> {
    this.selected.set(await this.api.get<MailboxEmailDetailResponse>(`/api/mailbox/${email.id}`));
  }
}
