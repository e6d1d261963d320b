import { renderComponent } from '../render-for-spec';
import { KpiCardComponent, type KpiPolarity } from './kpi-card.component';

function render(inputs: {
  label: string;
  value: string | number | null;
  delta?: number | null;
  unit?: string;
  deltaUnit?: string;
  comparedTo?: string;
  polarity?: KpiPolarity;
}): HTMLElement {
  return renderComponent(KpiCardComponent, inputs);
}

describe('KpiCardComponent', () => {
  it('shows the label and the value with its unit', () => {
    const element = render({ label: 'Response rate', value: 42, unit: '%' });
    expect(element.querySelector('.kpi__label')?.textContent).toBe('Response rate');
    expect(element.querySelector('.kpi__value')?.textContent).toBe('42%');
  });

  it('shows a dash, not zero, when there is no data', () => {
    const element = render({ label: 'NPS', value: null });
    expect(element.querySelector('.kpi__value')?.textContent).toBe('—');
  });

  it.each([
    [5, '+5 vs the previous period', 'kpi__delta--up'],
    [-3, '−3 vs the previous period', 'kpi__delta--down'],
    [0, '±0 vs the previous period', 'kpi__delta--flat'],
  ])('shows a change of %p as "%s"', (delta, text, className) => {
    const element = render({ label: 'NPS', value: 30, delta });
    const deltaElement = element.querySelector('.kpi__delta');
    expect(deltaElement?.textContent?.trim()).toBe(text);
    expect(deltaElement?.classList).toContain(className);
  });

  it.each<[number, KpiPolarity, string]>([
    [4, 'higher-is-better', 'kpi__delta--good'],
    [-4, 'higher-is-better', 'kpi__delta--bad'],
    [4, 'lower-is-better', 'kpi__delta--bad'],
    [-4, 'lower-is-better', 'kpi__delta--good'],
    [4, 'neutral', 'kpi__delta--neutral'],
  ])('colours a change of %p, %s, with %s', (delta, polarity, className) => {
    const element = render({ label: 'Overdue cases', value: 2, delta, polarity });
    expect(element.querySelector('.kpi__delta')?.classList).toContain(className);
  });

  it('says what the change is measured against, in its own unit', () => {
    const element = render({
      label: 'Response rate',
      value: '40%',
      delta: 6,
      deltaUnit: ' points',
      comparedTo: 'the 7 days before',
    });
    expect(element.querySelector('.kpi__delta')?.textContent?.trim()).toBe('+6 points vs the 7 days before');
  });

  it('shows no change line when there is no previous period', () => {
    expect(render({ label: 'NPS', value: 30 }).querySelector('.kpi__delta')).toBeNull();
  });
});
