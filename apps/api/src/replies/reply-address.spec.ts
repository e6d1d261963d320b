import { parseReplyAddress, replyAddress } from './reply-address';

describe('reply addresses', () => {
  const tenantId = 'f3b0c3a2-7d5e-4c1b-9a8f-0123456789ab';
  const messageId = '00000000-0000-4000-8000-000000000001';

  it('names the business and the message, within the 64 characters of a local part', () => {
    const address = replyAddress(tenantId, messageId, 'reply.example');
    expect(address.split('@')[0]?.length).toBeLessThanOrEqual(64);
    expect(parseReplyAddress(address)).toEqual({ tenantId, messageId });
  });

  it('reads the address upper-cased or with a display name around it', () => {
    const address = replyAddress(tenantId, messageId, 'reply.example');
    expect(parseReplyAddress(`"Northwind" <${address.toUpperCase()}>`)).toEqual({ tenantId, messageId });
  });

  it.each(['someone@example.com', 'r-zzzzzzzzzzzzzzzzzzzzzzzzz-1@reply.example', 'r--@x', ''])(
    'refuses %p',
    (address) => {
      expect(parseReplyAddress(address)).toBeNull();
    },
  );
});
