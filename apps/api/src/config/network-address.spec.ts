import { isLoopbackAddress, isLoopbackUrl, parseAddressList } from './network-address';

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.1', false],
    ['128.0.0.1', false],
    ['fe80::1', false],
    ['localhost', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('judges %p as loopback: %p', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:3000', true],
    ['http://app.localhost', true],
    ['http://127.0.0.1:3000', true],
    ['http://[::1]:3000', true],
    ['https://rapport.example.com', false],
    ['http://10.0.0.5:3000', false],
    ['http://localhost.example.com', false],
    ['not a url', false],
  ])('judges %p as loopback: %p', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});

describe('parseAddressList', () => {
  it('reads addresses and CIDR blocks of both families', () => {
    expect(parseAddressList(' 10.0.0.5, 192.168.0.0/16 ,fd00::/8,::1,')).toEqual({
      entries: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8', '::1'],
      invalid: [],
    });
  });

  it('names what is not an address or a block', () => {
    expect(parseAddressList('10.0.0.0/33, loopback, 10.0.0.1/8/8, ::1/129, 10.0.0.1/x').invalid).toEqual([
      '10.0.0.0/33',
      'loopback',
      '10.0.0.1/8/8',
      '::1/129',
      '10.0.0.1/x',
    ]);
  });
});
