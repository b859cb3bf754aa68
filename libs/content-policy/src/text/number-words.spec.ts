import { spelledDigitsToNumbers } from './number-words';

describe('spelledDigitsToNumbers', () => {
  it('turns a phone number in words into digits', () => {
    expect(spelledDigitsToNumbers('ring oh seven seven oh oh, nine oh oh, double one two')).toBe('ring 07700900112');
    expect(spelledDigitsToNumbers('0 seven 7 zero 0 nine')).toBe('077009');
  });

  it('reads digit groups mixed with words, and letters standing for digits', () => {
    expect(spelledDigitsToNumbers('his number is 07700 900 two eight oh')).toBe('his number is 07700900280');
    expect(spelledDigitsToNumbers('contact for him o77oo9oo261')).toBe('contact for him 07700900261');
    expect(spelledDigitsToNumbers('O7700 9OO 261')).toBe('07700 900 261');
  });

  it('leaves ordinary counting, times and words alone', () => {
    expect(spelledDigitsToNumbers('one or two of you, at three')).toBe('one or two of you, at three');
    expect(spelledDigitsToNumbers('room 2, two or three of us at 10 30')).toBe('room 2, two or three of us at 10 30');
    expect(spelledDigitsToNumbers('see you at the Oddfellows Hall, 10 o clock')).toBe('see you at the Oddfellows Hall, 10 o clock');
  });
});
