import { TestBed } from '@angular/core/testing';
import { EmptyStateComponent } from './empty-state.component';

describe('EmptyStateComponent', () => {
  it('says what is missing and why, as a status for screen readers', () => {
    const fixture = TestBed.createComponent(EmptyStateComponent);
    fixture.componentRef.setInput('title', 'No answers yet');
    fixture.componentRef.setInput('message', 'Answers appear after the first opinion request.');
    fixture.componentRef.setInput('icon', 'forum');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="status"] h2')?.textContent).toBe('No answers yet');
    expect(element.querySelector('p')?.textContent).toBe('Answers appear after the first opinion request.');
    expect(element.querySelector('mat-icon')?.textContent?.trim()).toBe('forum');
  });
});
