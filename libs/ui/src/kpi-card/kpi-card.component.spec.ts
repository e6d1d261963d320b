import { TestBed } from '@angular/core/testing';
import { KpiCardComponent } from './kpi-card.component';

function render(inputs: {
  label: string;
  value: string | number | null;
  delta?: number | null;
  unit?: string;
}) {
  const fixture = TestBed.createComponent(KpiCardComponent);
  fixture.componentRef.setInput('label', inputs.label);
  fixture.componentRef.setInput('value', inputs.value);
  if (inputs.delta !== undefined) fixture.componentRef.setInput('delta', inputs.delta);
  if (inputs.unit !== undefined) fixture.componentRef.setInput('unit', inputs.unit);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
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
    [5, '+5 vs previous period', 'kpi__delta--up'],
    [-3, '−3 vs previous period', 'kpi__delta--down'],
    [0, '±0 vs previous period', 'kpi__delta--flat'],
  ])('shows a change of %p as "%s"', (delta, text, className) => {
    const element = render({ label: 'NPS', value: 30, delta });
    const deltaElement = element.querySelector('.kpi__delta');
    expect(deltaElement?.textContent).toBe(text);
    expect(deltaElement?.classList).toContain(className);
  });

  it('shows no change line when there is no previous period', () => {
    expect(render({ label: 'NPS', value: 30 }).querySelector('.kpi__delta')).toBeNull();
  });
});
