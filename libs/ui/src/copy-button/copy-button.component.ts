import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** How long "Copied" stays before the button reads as it did. */
const COPIED_FOR_MS = 2500;

/**
 * Copies a value shown once (a new API key, a signing secret, a webhook URL) to the clipboard and says
 * whether it worked; where the clipboard is refused, the person is told to select the value instead.
 */
@Component({
  selector: 'rp-copy-button',
  imports: [CdkCopyToClipboard, MatButtonModule, MatIconModule],
  template: `
    <button
      mat-stroked-button
      type="button"
      [cdkCopyToClipboard]="value()"
      (cdkCopyToClipboardCopied)="report($event)"
      [attr.aria-label]="state() === 'idle' ? label() : null"
    >
      <mat-icon aria-hidden="true">{{ state() === 'copied' ? 'check' : 'content_copy' }}</mat-icon>
      {{ words() }}
    </button>
    <span class="copy__status" role="status">{{ state() === 'idle' ? '' : words() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
    .copy__status {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButtonComponent {
  readonly value = input.required<string>();
  /** The button's name for screen readers, e.g. "Copy the API key". */
  readonly label = input('Copy');
  readonly state = signal<'idle' | 'copied' | 'refused'>('idle');
  private reset: ReturnType<typeof setTimeout> | undefined;

  words(): string {
    const state = this.state();
    return state === 'copied' ? 'Copied' : state === 'refused' ? 'Select and copy it by hand' : 'Copy';
  }

  report(isCopied: boolean): void {
    this.state.set(isCopied ? 'copied' : 'refused');
    clearTimeout(this.reset);
    this.reset = setTimeout(() => this.state.set('idle'), COPIED_FOR_MS);
  }
}
