import { spelledDigitsToNumbers } from './number-words';

describe('spelledDigitsToNumbers', () => {
  it('turns a phone number in words into digits', () => {
    expect(spelledDigitsToNumbers('ring oh seven seven oh oh, nine oh oh, double one two')).toBe('ring 07700900112');
    expect(spelledDigitsToNumbers('0 seven 7 zero 0 nine')).toBe('077009');
  });

  it('leaves ordinary counting alone', () => {
    expect(spelledDigitsToNumbers('one or two of you, at three')).toBe('one or two of you, at three');
  });
});
