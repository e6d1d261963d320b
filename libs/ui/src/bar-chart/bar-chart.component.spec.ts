import { renderComponent } from '../render-for-spec';
import { BarChartComponent } from './bar-chart.component';

describe('BarChartComponent', () => {
  const render = (inputs: Record<string, unknown>) => renderComponent(BarChartComponent, inputs);

  it('draws one bar per value, taller for more, with a tooltip and a table of the numbers', () => {
    const element = render({
      label: 'Answers per day',
      bars: [
        { label: 'Mon', value: 2 },
        { label: 'Tue', value: 4 },
      ],
    });
    const heights = [...element.querySelectorAll('g.chart__bar rect')].map((rect) =>
      Number(rect.getAttribute('height')),
    );
    expect(heights[1]).toBeCloseTo((heights[0] ?? 0) * 2, 5);
    expect([...element.querySelectorAll('title')].map((title) => title.textContent)).toEqual([
      'Mon: 2',
      'Tue: 4',
    ]);
    expect(element.querySelector('svg')?.getAttribute('aria-label')).toBe('Answers per day');
    expect([...element.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['2', '4']);
  });

  it('goes below zero in the bad colour for negative scores, and marks a missing value apart from zero', () => {
    const element = render({
      label: 'NPS by week',
      signed: true,
      bars: [
        { label: 'W1', value: -50 },
        { label: 'W2', value: null },
        { label: 'W3', value: 50 },
      ],
    });
    const rects = [...element.querySelectorAll('g.chart__bar rect')];
    expect(rects.map((rect) => rect.getAttribute('class'))).toEqual(['bad', 'chart__none', 'good']);
    expect(element.querySelectorAll('td')[1]?.textContent).toBe('—');
  });
});
