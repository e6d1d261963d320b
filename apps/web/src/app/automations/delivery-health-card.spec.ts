import { TestBed } from '@angular/core/testing';
import type { DeliveryHealthResponse } from '@rapport/domain';
import { DeliveryHealthCardComponent } from './delivery-health-card';

const QUIET: DeliveryHealthResponse = {
  days: 30,
  sent: 2000,
  awaitingReport: 0,
  carrier: 'sendgrid',
  delivered: 1960,
  bounced: 30,
  dropped: 0,
  complained: 1,
  failed: 0,
  clicked: 150,
  scanned: 0,
  deliveredRate: 0.98,
  bounceRate: 0.015,
  complaintRate: 0.0005,
};

function render(value: DeliveryHealthResponse): HTMLElement {
  const fixture = TestBed.createComponent(DeliveryHealthCardComponent);
  fixture.componentRef.setInput('value', value);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('DeliveryHealthCardComponent', () => {
  it('shows the shares of what was sent', () => {
    const element = render(QUIET);
    const figures = [...element.querySelectorAll('dd')].map((item) => item.textContent?.trim());
    expect(figures).toEqual(['2,000', '98%', '1.5%', '150', '0.05%']);
    expect(element.querySelector('.health--bad')).toBeNull();
  });

  it('warns when complaints are high, before sending pauses', () => {
    const element = render({ ...QUIET, complained: 4, complaintRate: 0.002 });
    expect(element.querySelector('dd.health--bad')?.textContent?.trim()).toBe('0.2%');
    expect(element.textContent).toContain('Complaints are high');
  });

  it('says how many emails a mail scanner opened, whose clicks are not counted', () => {
    expect(render(QUIET).textContent).not.toContain('mail scanner');
    expect(render({ ...QUIET, scanned: 12 }).textContent).toContain(
      '12 emails were opened by a mail scanner',
    );
  });

  it('does not call emails nobody reports on undelivered: without a provider it says why there are no shares', () => {
    const element = render({
      ...QUIET,
      sent: 3,
      awaitingReport: 3,
      delivered: 0,
      bounced: 0,
      complained: 0,
      clicked: 0,
      carrier: 'development-mailbox',
      deliveredRate: null,
      bounceRate: null,
      complaintRate: null,
    });
    const terms = [...element.querySelectorAll('dt')].map((item) => item.textContent?.trim());
    expect(terms).toEqual(['Sent', 'Awaiting a report']);
    expect(element.textContent).not.toContain('0%');
    expect(element.textContent).toContain('went to the development mailbox');
  });

  it('says the shares are of the reported emails while some await their report', () => {
    const element = render({ ...QUIET, sent: 2010, awaitingReport: 10 });
    expect(element.textContent).toContain('Awaiting a report');
    expect(element.textContent).toContain('Shares are of the 2,000 emails the provider has reported on');
  });

  it('says so when nothing was sent', () => {
    const element = render({ ...QUIET, sent: 0, deliveredRate: null, bounceRate: null, complaintRate: null });
    expect(element.textContent).toContain('Nothing sent yet.');
    expect(element.querySelector('dl')).toBeNull();
  });
});
