import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';

/**
 * For component specs: creates `component`, sets each input given (one left undefined keeps its default),
 * renders it and returns its element.
 */
export function renderComponent<T>(component: Type<T>, inputs: Record<string, unknown> = {}): HTMLElement {
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined) fixture.componentRef.setInput(name, value);
  }
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}
