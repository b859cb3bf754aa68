import { withinOneEdit } from './edit-distance';
import { readings, Vocabulary } from './vocabulary';

const vocabulary = new Vocabulary(['burglary', 'assault', 'attacked', 'police', 'happened', 'court']);

describe('Vocabulary.resolve', () => {
  it('reads one slip in a longer keyword as the keyword', () => {
    expect(vocabulary.resolve('burglery')).toBe('burglary');
    expect(vocabulary.resolve('assualt')).toBe('assault');
    expect(vocabulary.resolve('happend')).toBe('happened');
    expect(vocabulary.resolve('assssault')).toBe('assault');
  });

  it('never reads a common English word as a keyword', () => {
    expect(vocabulary.resolve('attached')).toBe('attached');
    expect(vocabulary.resolve('polite')).toBe('polite');
  });

  it('matches short keywords exactly only', () => {
    expect(vocabulary.resolve('cuort')).toBe('cuort');
  });

  it('reads leetspeak, with 1 as i or l', () => {
    expect(vocabulary.resolve('p0l1ce')).toBe('police');
    expect(vocabulary.resolve('c0urt')).toBe('court');
  });
});

describe('readings', () => {
  it('lists the token first, then its leetspeak readings', () => {
    expect(readings('h1t')).toEqual(['h1t', 'hit', 'hlt']);
    expect(readings('plain')).toEqual(['plain']);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['sarah', 'sarrah', true],
    ['sarah', 'sraah', true],
    ['sarah', 'sarh', true],
    ['sarah', 'sarak', true],
    ['sarah', 'shara', false],
    ['abcd', 'bcda', false],
  ])('%s ~ %s is %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});
