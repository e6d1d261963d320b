import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { CopyButtonComponent } from './copy-button.component';

describe('CopyButtonComponent', () => {
  function render(isCopied: boolean) {
    const copied: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: Clipboard,
          useValue: {
            copy: (text: string) => {
              copied.push(text);
              return isCopied;
            },
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(CopyButtonComponent);
    fixture.componentRef.setInput('value', 'rpk_secret');
    fixture.componentRef.setInput('label', 'Copy the API key');
    fixture.detectChanges();
    return { fixture, copied, element: fixture.nativeElement as HTMLElement };
  }

  it('copies the value and says so', () => {
    const { fixture, copied, element } = render(true);
    expect(element.querySelector('button')?.getAttribute('aria-label')).toBe('Copy the API key');
    element.querySelector('button')?.click();
    fixture.detectChanges();
    expect(copied).toEqual(['rpk_secret']);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Copied');
  });

  it('says how to copy by hand when the clipboard refuses', () => {
    const { fixture, element } = render(false);
    element.querySelector('button')?.click();
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Select and copy it by hand');
  });
});
