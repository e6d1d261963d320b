import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiClient } from './api-client';

describe('ApiClient', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { api: TestBed.inject(ApiClient), http: TestBed.inject(HttpTestingController) };
  }

  it('sends a GET with its filled filters as the query string and answers its JSON', async () => {
    const { api, http } = setUp();
    const answer = api.get<{ items: string[] }>('/api/orders', {
      status: 'open',
      search: '',
      cursor: undefined,
    });
    const request = http.expectOne('/api/orders?status=open');
    expect(request.request.method).toBe('GET');
    request.flush({ items: ['a'] });
    await expect(answer).resolves.toEqual({ items: ['a'] });
  });

  it('sends a body with a POST and a DELETE, and a file as its raw body with its type', async () => {
    const { api, http } = setUp();
    void api.post('/api/cases/c1/notes', { body: 'Called her' });
    const post = http.expectOne('/api/cases/c1/notes');
    expect([post.request.method, post.request.body]).toEqual(['POST', { body: 'Called her' }]);

    void api.delete('/api/business', { confirmName: 'Northwind' });
    const remove = http.expectOne('/api/business');
    expect([remove.request.method, remove.request.body]).toEqual(['DELETE', { confirmName: 'Northwind' }]);

    const file = new Blob(['email\n'], { type: 'text/csv' });
    void api.postFile('/api/imports/customers', file, 'text/csv', { fileName: 'list.csv' });
    const upload = http.expectOne('/api/imports/customers?fileName=list.csv');
    expect([upload.request.body, upload.request.headers.get('content-type')]).toEqual([file, 'text/csv']);
    http.verify();
  });
});
