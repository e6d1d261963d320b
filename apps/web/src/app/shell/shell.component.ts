import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { NAV_SECTIONS } from './navigation';

@Component({
  selector: 'rp-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenavModule,
    MatToolbarModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly me = this.session.me;
  readonly sections = computed(() => {
    this.me();
    return NAV_SECTIONS.filter((section) => !section.permission || this.session.can(section.permission));
  });
  readonly businessName = computed(() => this.session.businessName() ?? 'No business yet');
  readonly userName = computed(() => this.me()?.user.name ?? '');
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 840px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  async switchBusiness(tenantId: string): Promise<void> {
    if (tenantId === this.me()?.business?.id) return;
    await this.session.switchBusiness(tenantId);
    // Every page shows the active business's data: start over from the dashboard.
    await this.router.navigateByUrl('/dashboard');
  }

  /** Owners and managers may end a pause once they have looked at the complaints. */
  readonly canResume = computed(() => this.session.can('business:manage'));

  async resumeSending(): Promise<void> {
    await this.session.resumeSending();
  }

  async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigate(['/login']);
  }
}
