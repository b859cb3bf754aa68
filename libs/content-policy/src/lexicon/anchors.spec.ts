import { anchorWords, splitAlternatives } from './anchors';

describe('anchorWords', () => {
  it('picks a word every match must contain', () => {
    expect(anchorWords('the (?:robbery|burglary)')).toEqual(new Set(['robbery', 'burglary']));
    expect(anchorWords('(?:he|she) s sorry')).toEqual(new Set(['sorry']));
  });

  it('looks past optional words and gaps to the required ones', () => {
    expect(anchorWords('you (?:ve |have )?got this')).toEqual(new Set(['got']));
    expect(anchorWords('you (?:[^ |]+ ){0,2}(?:hurt|robbed)')).toEqual(new Set(['hurt', 'robbed']));
    expect(anchorWords('you were (?:[^ |]+ ){0,2}(?:hurt|robbed)')).toEqual(new Set(['were']));
  });

  it('does not take part of a word, a lookaround or an optional word as an anchor', () => {
    expect(anchorWords('statements?')).toBeUndefined();
    expect(anchorWords('(?!free )charges')).toEqual(new Set(['charges']));
    expect(anchorWords('(?:very )?')).toBeUndefined();
  });

  it('gives up on an alternation when one branch has no anchor', () => {
    expect(anchorWords('robbery|\\d+ \\d+')).toBeUndefined();
  });
});

describe('splitAlternatives', () => {
  it('splits at the top level only', () => {
    expect(splitAlternatives('a|(?:b|c)|[|]d')).toEqual(['a', '(?:b|c)', '[|]d']);
  });
});
