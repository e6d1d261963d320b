import { renderComponent } from '../render-for-spec';
import { EmptyStateComponent } from './empty-state.component';

describe('EmptyStateComponent', () => {
  it('says what is missing and why, as a status for screen readers', () => {
    const element = renderComponent(EmptyStateComponent, {
      title: 'No answers yet',
      message: 'Answers appear after the first opinion request.',
      icon: 'forum',
    });
    expect(element.querySelector('[role="status"] h2')?.textContent).toBe('No answers yet');
    expect(element.querySelector('p')?.textContent).toBe('Answers appear after the first opinion request.');
    expect(element.querySelector('mat-icon')?.textContent?.trim()).toBe('forum');
  });
});
