import { renderComponent } from '../render-for-spec';
import { ScoreChipComponent } from './score-chip.component';

describe('ScoreChipComponent', () => {
  const render = (inputs: Record<string, unknown>) => renderComponent(ScoreChipComponent, inputs);

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
