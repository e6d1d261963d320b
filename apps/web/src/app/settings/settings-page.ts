import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { SETTINGS_TABS } from './settings.routes';

@Component({
  selector: 'rp-settings-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, PageHeaderComponent],
  template: `
    <rp-page-header title="Settings" [subtitle]="businessName()" />
    <nav
      mat-tab-nav-bar
      [tabPanel]="panel"
      [disablePagination]="true"
      class="wrapping-tabs"
      aria-label="Settings sections"
    >
      @for (tab of tabs(); track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #link="routerLinkActive"
          [active]="link.isActive"
        >
          {{ tab.label }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel class="settings__panel"><router-outlet /></mat-tab-nav-panel>
  `,
  styles: `
    .settings__panel {
      display: block;
      padding-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {
  private readonly session = inject(SessionStore);
  readonly businessName = computed(() => this.session.businessName() ?? '');
  readonly tabs = computed(() => {
    this.session.me();
    return SETTINGS_TABS.filter((tab) => tab.permission === null || this.session.can(tab.permission));
  });
}
