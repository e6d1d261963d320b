import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse, TemplatePreviewResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { TemplateEditorPage } from './template-editor-page';
import { TemplatesApi } from './templates-api';

function previewOf(html: string): TemplatePreviewResponse {
  return { subject: 'Thanks', html, problems: [] } as unknown as TemplatePreviewResponse;
}

describe('TemplateEditorPage preview', () => {
  it('shows the answer to the newest preview request even when an older one comes back after it', async () => {
    const answers: Array<(preview: TemplatePreviewResponse) => void> = [];
    const api = {
      preview: () => new Promise<TemplatePreviewResponse>((resolve) => answers.push(resolve)),
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: TemplatesApi, useValue: api },
      ],
    });
    TestBed.inject(SessionStore).replace({
      permissions: ['templates:write'],
      user: {},
      memberships: [],
    } as unknown as MeResponse);
    const page = TestBed.createComponent(TemplateEditorPage).componentInstance;

    const older = page.refreshPreview();
    const newer = page.refreshPreview();
    answers[1](previewOf('<p>with the button</p>'));
    await newer;
    answers[0](previewOf('<p>before the button</p>'));
    await older;

    expect(page.preview()?.html).toBe('<p>with the button</p>');
  });
});
