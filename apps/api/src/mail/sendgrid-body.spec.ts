import { parseAddress, sendGridMailBody } from './sendgrid-body';

describe('parseAddress', () => {
  it.each([
    ['ana@example.com', { email: 'ana@example.com' }],
    ['  ana@example.com ', { email: 'ana@example.com' }],
    ['Northwind Bakery <hello@bakery.example>', { email: 'hello@bakery.example', name: 'Northwind Bakery' }],
    ['"Smith, Jones & Co" <hi@sj.example>', { email: 'hi@sj.example', name: 'Smith, Jones & Co' }],
    ['"" <hi@sj.example>', { email: 'hi@sj.example' }],
    ['<hi@sj.example>', { email: 'hi@sj.example' }],
  ])('reads %j', (value, expected) => {
    expect(parseAddress(value)).toEqual(expected);
  });
});

describe('sendGridMailBody', () => {
  const mail = {
    to: 'ana@example.com',
    from: '"Bakery" <hello@bakery.example>',
    subject: 'Your week',
    html: '<p>Hi</p><img src="cid:chart">',
    text: 'Hi',
    category: 'report',
  };

  it('leaves out what the email does not have', () => {
    expect(sendGridMailBody(mail)).toEqual({
      personalizations: [{ to: [{ email: 'ana@example.com' }] }],
      from: { email: 'hello@bakery.example', name: 'Bakery' },
      subject: 'Your week',
      content: [
        { type: 'text/plain', value: 'Hi' },
        { type: 'text/html', value: '<p>Hi</p><img src="cid:chart">' },
      ],
      categories: ['report'],
    });
  });

  it('attaches inline images by content id, base64-encoded', () => {
    const body = sendGridMailBody({
      ...mail,
      inlineImages: [
        { contentId: 'chart', filename: 'chart.png', type: 'image/png', content: Buffer.from('png') },
      ],
    });
    expect(body['attachments']).toEqual([
      {
        content: 'cG5n',
        filename: 'chart.png',
        type: 'image/png',
        disposition: 'inline',
        content_id: 'chart',
      },
    ]);
  });
});
