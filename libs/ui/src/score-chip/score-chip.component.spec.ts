import { TestBed } from '@angular/core/testing';
import { ScoreChipComponent } from './score-chip.component';

describe('ScoreChipComponent', () => {
  function render(inputs: Record<string, unknown>): HTMLElement {
    const fixture = TestBed.createComponent(ScoreChipComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says the score, its scale and its band in words and colours it by band', () => {
    const chip = render({ score: 3, scale: 'nps', band: 'detractor' }).querySelector('.chip');
    expect(chip?.getAttribute('aria-label')).toBe('NPS 3 of 10 (detractor)');
    expect(chip?.classList).toContain('chip--detractor');
    expect(chip?.textContent?.replace(/\s+/g, '')).toBe('3/10');
  });

  it('shows a missing score as a dash', () => {
    const chip = render({ score: null, scale: 'csat' }).querySelector('.chip');
    expect(chip?.getAttribute('aria-label')).toBe('Satisfaction: no score');
    expect(chip?.classList).toContain('chip--none');
  });
});
