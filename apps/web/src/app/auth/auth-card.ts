import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** The centred card that every signed-out page (sign-in, sign-up, reset, invitation) sits in. */
@Component({
  selector: 'rp-auth-card',
  imports: [MatCardModule, MatProgressBarModule],
  template: `
    <main class="auth">
      <mat-card appearance="outlined" class="auth__card">
        @if (isBusy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <mat-card-header>
          <mat-card-title
            ><h1 class="auth__title">{{ title() }}</h1></mat-card-title
          >
          @if (subtitle()) {
            <mat-card-subtitle>{{ subtitle() }}</mat-card-subtitle>
          }
        </mat-card-header>
        <mat-card-content class="auth__content"><ng-content /></mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .auth {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 16px;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .auth__card {
      width: min(440px, 100%);
      overflow: hidden;
    }
    .auth__title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .auth__content {
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthCardComponent {
  readonly title = input.required<string>();
  readonly subtitle = input<string>();
  readonly isBusy = input(false);
}
