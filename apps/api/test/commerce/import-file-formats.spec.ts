import type { ApiErrorBody, CustomerResponse, ImportResponse, Page } from '@rapport/domain';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { fixture, importProblems, runImport, storedOrders, uploadImport } from '../support/imports';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

/**
 * Files as spreadsheets save them in other countries (fixtures/, written by another program than ours):
 * Windows-1252 and UTF-16 bytes, `;` or tabs, decimal commas, day-first dates, column names in German,
 * Spanish and French; and cells no database can store.
 */
describe('importing files in other encodings and formats', () => {
  const spec = startedApp();

  async function business(country = 'DE'): Promise<{ tenant: TestTenant; staff: HttpClient }> {
    const tenant = await createTenant(spec.testApp, { country });
    return { tenant, staff: await signedIn(spec.testApp, tenant.owner) };
  }

  async function buyers(staff: HttpClient): Promise<Map<string, CustomerResponse>> {
    const page = await staff.get<Page<CustomerResponse>>('/api/customers?limit=200');
    return new Map(page.body.items.map((customer) => [customer.email, customer]));
  }

  it('reads a file whose lines end with a lone CR (old Mac Excel), header and every row', async () => {
    const { staff } = await business();
    const file = 'Email,First name,Last name\rana@example.com,Ana,Pérez\rbo@example.com,Bo,Lind\r';
    const uploaded = await uploadImport(staff, 'customers', file, 'mac.csv');
    expect(uploaded.columns.map((column) => column.header)).toEqual(['Email', 'First name', 'Last name']);
    expect(uploaded.previewRows).toEqual([
      ['ana@example.com', 'Ana', 'Pérez'],
      ['bo@example.com', 'Bo', 'Lind'],
    ]);
    const done = await runImport(staff, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 2, rowsImported: 2, rowsFailed: 0 });
    expect([...(await buyers(staff)).keys()].sort()).toEqual(['ana@example.com', 'bo@example.com']);
  });

  describe.each([
    ['excel-de-orders-windows-1252.csv', 'windows-1252', ';'],
    ['excel-de-orders-utf16le.txt', 'utf-16le', '\t'],
  ])('a German Excel orders file, %s', (file, encoding, delimiter) => {
    it('reads every line with its umlauts, decimal commas and day-first dates, naming what it refuses', async () => {
      const { tenant, staff } = await business();
      const uploaded = await uploadImport(staff, 'orders', fixture(file), file);
      expect(uploaded).toMatchObject({ encoding, delimiter, dateOrder: 'dmy', preset: null });
      expect(uploaded.columns.map((column) => column.header)).toContain('Währung');
      expect(uploaded.previewRows[0]).toContain('Müller');
      expect(uploaded.mapping).toEqual({
        Bestellnummer: 'externalId',
        Bestelldatum: 'placedAt',
        Status: 'status',
        'E-Mail': 'email',
        Vorname: 'firstName',
        Nachname: 'lastName',
        Artikel: 'productName',
        Artikelnummer: 'sku',
        Menge: 'quantity',
        Einzelpreis: 'unitPrice',
        Gesamt: 'total',
        Währung: 'currency',
      });

      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ status: 'completed', rowsTotal: 10, rowsImported: 8, rowsFailed: 2 });
      const orders = await storedOrders(spec.testApp.ownerUrl, tenant.id);
      expect(
        Object.fromEntries(
          [...orders.values()].map((order) => [
            order.externalId,
            [order.lines, order.status, order.total, order.buyer],
          ]),
        ),
      ).toEqual({
        '10001': [2, 'fulfilled', '12.70', 'Jürgen Müller'],
        '10002': [1, 'placed', '4.40', 'José Núñez'],
        '10003': [2, 'cancelled', '1239.00', 'Zoë Bäcker'],
        '10004': [1, 'refunded', '13.50', 'Françoise Lefèvre'],
        '10006': [2, 'fulfilled', '15.60', 'Grete Groß'],
      });
      const stored = await withClient(spec.testApp.ownerUrl, async (db) => {
        const { rows } = await db.query<{ product_name: string; unit_price: string; placed_at: Date }>(
          `SELECT l.product_name, l.unit_price::text, o.placed_at FROM order_lines l
             JOIN orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
            WHERE o.tenant_id = $1 AND o.external_id IN ('10001', '10003') ORDER BY l.product_name`,
          [tenant.id],
        );
        return rows.map((row) => [row.product_name, row.unit_price, row.placed_at.toISOString()]);
      });
      expect(stored).toEqual([
        ['Brötchen', '0.45', '2026-11-03T09:15:00.000Z'],
        ['Käsekuchen', '10.00', '2026-11-03T09:15:00.000Z'],
        ['Schlagsahne', '2.25', '2026-11-05T00:00:00.000Z'],
        ['Schwarzwälder Kirschtorte (Hochzeit)', '1234.50', '2026-11-05T00:00:00.000Z'],
      ]);
      expect(await importProblems(staff, uploaded.id)).toEqual([
        {
          line: 8,
          column: 'Bestelldatum',
          value: 'gestern',
          reason: 'Bestelldatum: "gestern" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
        },
        {
          line: 10,
          column: 'Menge',
          value: 'zwei',
          reason: 'Menge: "zwei" is not a whole number above 0',
        },
      ]);
    });
  });

  it.each([
    ['excel-es-customers-utf8-bom.csv', 'utf-8', ['María José Fernández Muñoz', 'Íñigo Ibáñez']],
    ['excel-fr-customers-utf16be.csv', 'utf-16be', ['Amélie Poulain', 'Jérôme Lefèvre']],
  ])(
    'reads the customers file %s (%s) with its Spanish or French column names',
    async (file, encoding, names) => {
      const { staff } = await business('ES');
      const uploaded = await uploadImport(staff, 'customers', fixture(file), file);
      expect(uploaded.encoding).toBe(encoding);
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done.rowsImported).toBe(2);
      expect([...(await buyers(staff)).values()].map((customer) => customer.name).sort()).toEqual(names);
      if (file.includes('fr')) {
        expect(await importProblems(staff, uploaded.id)).toEqual([
          {
            line: 4,
            column: 'Adresse e-mail',
            value: 'pas-une-adresse',
            reason: 'Adresse e-mail: "pas-une-adresse" is not an email address',
          },
        ]);
      }
    },
  );

  describe('dates like 03/04/2026', () => {
    const header = 'Order number,Email,Order date,Total,Currency,Note';
    // Long notes, so the preview (the first 64 KiB) ends long before the file does.
    const note = 'n'.repeat(200);
    const ambiguous = Array.from(
      { length: 400 },
      (_, n) => `A${n},a${n}@dates.example,03/04/2026,1.00,EUR,${note}`,
    );

    async function placedDates(tenantId: string): Promise<Set<string>> {
      const orders = await withClient(spec.testApp.ownerUrl, async (db) => {
        const { rows } = await db.query<{ placed_at: Date }>(
          `SELECT DISTINCT placed_at FROM orders WHERE tenant_id = $1`,
          [tenantId],
        );
        return rows;
      });
      return new Set(orders.map((row) => row.placed_at.toISOString().slice(0, 10)));
    }

    it('reads them day first when a day above 12 anywhere in the file says so, even past the preview', async () => {
      const { tenant, staff } = await business('US');
      const csv = [header, ...ambiguous, 'Z1,z1@dates.example,25/04/2026,1.00,EUR,'].join('\n');
      expect(csv.length).toBeGreaterThan(64 * 1024);
      const uploaded = await uploadImport(staff, 'orders', csv, 'day-first.csv');
      expect(uploaded.dateOrder).toBe('dmy');
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ rowsImported: 401, rowsFailed: 0 });
      expect(await placedDates(tenant.id)).toEqual(new Set(['2026-04-03', '2026-04-25']));
    });

    it("reads them with the business's country when the file cannot tell", async () => {
      const { tenant, staff } = await business('US');
      const uploaded = await uploadImport(
        staff,
        'orders',
        [header, ...ambiguous.slice(0, 3)].join('\n'),
        'us.csv',
      );
      expect(uploaded.dateOrder).toBe('mdy');
      await runImport(staff, uploaded.id, uploaded.mapping);
      expect(await placedDates(tenant.id)).toEqual(new Set(['2026-03-04']));
    });

    it('refuses them, saying both readings, when neither the file nor the country tells', async () => {
      const { staff } = await business('CA');
      const csv = [header, ...ambiguous.slice(0, 2), 'Z1,z1@dates.example,2026-04-25,1.00,EUR,'].join('\n');
      const uploaded = await uploadImport(staff, 'orders', csv, 'ca.csv');
      expect(uploaded.dateOrder).toBeNull();
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ rowsImported: 1, rowsFailed: 2 });
      expect((await importProblems(staff, uploaded.id))[0]).toEqual({
        line: 2,
        column: 'Order date',
        value: '03/04/2026',
        reason:
          'Order date: "03/04/2026" could be 3 April 2026 or 4 March 2026 (use YYYY-MM-DD or DD.MM.YYYY)',
      });
    });
  });

  describe('text no database can store', () => {
    it('refuses a row with a NUL in a cell, naming the column, and imports the others', async () => {
      const { staff } = await business();
      const csv = 'Email,Name\r\nana@nul.example,Ana\u0000Lopez\r\nbo@nul.example,Bo\r\n';
      const uploaded = await uploadImport(staff, 'customers', csv, 'nul.csv');
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 1 });
      expect(await importProblems(staff, uploaded.id)).toEqual([
        {
          line: 2,
          column: 'Name',
          value: 'Ana\\u0000Lopez',
          reason: 'Name: "Ana\\u0000Lopez" contains a NUL character (\\u0000)',
        },
      ]);
      expect([...(await buyers(staff)).keys()]).toEqual(['bo@nul.example']);
      const report = await staff.get<string>(`/api/imports/${uploaded.id}/problems.csv`);
      expect(report.status).toBe(200);
      expect(report.body).toBe(
        'line,column,value,reason\r\n2,"Name","Ana\\u0000Lopez","Name: ""Ana\\u0000Lopez"" contains a NUL character (\\u0000)"\r\n',
      );
    });

    it('refuses an order row with a NUL without writing any of it', async () => {
      const { tenant, staff } = await business();
      const csv = [
        'Order number,Email,Order date,Total,Currency,Product',
        'N1,nul-order@example.com,2026-11-20,4.00,EUR,Rye\u0000loaf',
        'N2,nul-order@example.com,2026-11-20,4.00,EUR,Rye loaf',
      ].join('\n');
      const uploaded = await uploadImport(staff, 'orders', csv, 'orders-nul.csv');
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 1 });
      expect((await importProblems(staff, uploaded.id))[0]?.column).toBe('Product');
      expect([...(await storedOrders(spec.testApp.ownerUrl, tenant.id)).keys()]).toEqual(['N2']);
    });

    it('refuses a row with an unpaired surrogate in a UTF-16 file', async () => {
      const { staff } = await business();
      const text = Buffer.from(
        'Email;Name\r\nana@surrogate.example;Ana ?\r\nbo@surrogate.example;Bo\r\n',
        'utf16le',
      );
      // The "?" becomes a lone high surrogate, 0xD800, as a file cut in the middle of an emoji has.
      const question = text.indexOf(Buffer.from('?', 'utf16le'));
      text.writeUInt16LE(0xd800, question);
      const uploaded = await uploadImport(
        staff,
        'customers',
        Buffer.concat([Buffer.from([0xff, 0xfe]), text]),
        's.csv',
      );
      const done = await runImport(staff, uploaded.id, uploaded.mapping);
      expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 1 });
      expect((await importProblems(staff, uploaded.id))[0]).toMatchObject({
        line: 2,
        column: 'Name',
        value: 'Ana \\uFFFD',
        reason:
          'Name: "Ana \\uFFFD" contains an unreadable character (\\uFFFD): bytes that are not text in the file\'s encoding',
      });
    });

    it('answers 400 naming fileName for a file name with a NUL', async () => {
      const { staff } = await business();
      const result = await staff.request<ApiErrorBody>(
        'POST',
        '/api/imports/customers?fileName=bad%00name.csv',
        'Email\na@b.co\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(result.status).toBe(400);
      expect(result.body.details).toEqual([
        { field: 'fileName', reason: 'contains a NUL character (\\u0000)' },
      ]);
    });

    it('keeps a file name whose escapes are no UTF-8 (an unpaired surrogate) as it was sent', async () => {
      const { staff } = await business();
      const result = await staff.request<ImportResponse>(
        'POST',
        '/api/imports/customers?fileName=cut%ED%A0%80.csv',
        'Email\na@b.co\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(result.status).toBe(201);
      expect(result.body.fileName).toBe('cut%ED%A0%80.csv');
    });

    it('answers 400 for a header with a NUL, and nothing of it is kept', async () => {
      const { staff } = await business();
      const before = (await staff.get<ImportResponse[]>('/api/imports')).body.length;
      const result = await staff.request<ApiErrorBody>(
        'POST',
        '/api/imports/customers',
        'Email,No\u0000te\na@b.co,x\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(result.status).toBe(400);
      expect(result.body.details).toEqual([
        { field: 'file', reason: 'has a column name that contains a NUL character (\\u0000): "No\\u0000te"' },
      ]);
      expect((await staff.get<ImportResponse[]>('/api/imports')).body).toHaveLength(before);
    });

    it('shows a preview cell with a NUL or a lone surrogate instead of failing the upload', async () => {
      const { staff } = await business();
      const uploaded = await uploadImport(staff, 'customers', 'Email,Note\na@b.co,x\u0000y\n', 'preview.csv');
      expect(uploaded.previewRows).toEqual([['a@b.co', 'x\\u0000y']]);
    });
  });
});
