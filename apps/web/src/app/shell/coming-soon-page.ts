import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import type { NavSection } from './navigation';

@Component({
  selector: 'rp-coming-soon-page',
  imports: [PageHeaderComponent, EmptyStateComponent],
  template: `
    <rp-page-header [title]="section().label" [subtitle]="section().purpose" />
    <rp-empty-state
      [icon]="section().icon"
      title="Not available yet"
      message="This part of Rapport is being built. Nothing here is missing from your data: it will appear when the section opens."
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoonPage {
  /** Bound from the route's data by withComponentInputBinding(). */
  readonly section = input.required<NavSection>();
}
