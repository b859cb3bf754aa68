import { foldText } from './fold';

describe('foldText', () => {
  it('leaves plain ASCII untouched', () => {
    expect(foldText('Hi Sarah, 10:00 at Eden Centre.')).toBe('Hi Sarah, 10:00 at Eden Centre.');
  });

  it('maps Cyrillic and Greek look-alikes to Latin letters', () => {
    expect(foldText('\u0430ss\u0430ult')).toBe('assault');
    expect(foldText('\u0420\u043e\u0441\u0435')).toBe('Poce');
    expect(foldText('\u03c1ris\u03bfn')).toBe('prison');
  });

  it('folds fullwidth letters and removes zero-width characters', () => {
    expect(foldText('\uff33\uff54\uff4f\uff4e\uff45')).toBe('Stone');
    expect(foldText('rob\u200bbe\u200dry\u00ad')).toBe('robbery');
  });

  it('strips diacritics but keeps case', () => {
    expect(foldText('Siân Róisín Zoë')).toBe('Sian Roisin Zoe');
  });

  it('unifies curly quotes and dashes', () => {
    expect(foldText('he\u2019s \u2013 ok')).toBe("he's - ok");
  });
});
