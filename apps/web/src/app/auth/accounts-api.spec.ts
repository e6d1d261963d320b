import { tokenFromFragment } from './accounts-api';

describe('tokenFromFragment', () => {
  it.each([
    ['token=abc.def', 'abc.def'],
    ['x=1&token=abc', 'abc'],
    ['', null],
    [null, null],
    ['tokens=abc', null],
  ])('reads %p as %p', (fragment, token) => {
    expect(tokenFromFragment(fragment)).toBe(token);
  });
});
