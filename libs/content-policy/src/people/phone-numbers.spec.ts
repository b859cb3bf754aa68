import { findPhoneNumbers, isMobile, libphonenumberE164, normalisePhone } from './phone-numbers';

const found = (text: string) => findPhoneNumbers(text).map((f) => f.e164);

describe('findPhoneNumbers', () => {
  it.each([
    'his number is +44 7700 900095 if you need it',
    'call 07700 900095',
    'call (07700) 900-095',
    'call 07700.900.095',
    'call 07700/900 095',
    'call 0 7 7 0 0 9 0 0 0 9 5',
    'call +44 (0)7700 900095',
    'call 0044 7700 900095',
  ])('finds the number in "%s"', (text) => {
    expect(found(text)).toEqual(['+447700900095']);
  });

  it('separates a number from a date that follows it', () => {
    expect(found('ring 07700 900095 12 03 please')).toEqual(['+447700900095']);
  });

  it('ignores times, dates, codes and postcodes', () => {
    expect(found('at 14:30 on 02/12/2026, access code 784240, CT17 9BU')).toEqual([]);
  });

  it('ignores meeting IDs and PINs: digits without a trunk 0, a + or a country code', () => {
    expect(found('dial 020 3443 6219 and enter conference ID 774 130 295#')).toEqual(['+442034436219']);
  });

  it('reads numbers of other countries', () => {
    expect(found('in Nicosia: +357 22 123456')).toEqual(['+35722123456']);
  });
});

describe('normalisePhone', () => {
  it('agrees with libphonenumber-js on plain UK numbers (the fast path)', () => {
    const samples = ['07700 900123', '+44 7700 900123', '01632 960874', '0300 555 0142', '029 2018 0456', '0800 123 4567', '+441632960865', '0044 20 7946 0018'];
    for (const s of samples) expect(normalisePhone(s)).toBe(libphonenumberE164(s.replace(/[^\d+]/g, '').replace(/^0044/, '+44')));
  });

  it('refuses digit runs that cannot be a number', () => {
    expect(normalisePhone('123')).toBeUndefined();
  });
});

describe('isMobile', () => {
  it('tells a UK mobile from an office line', () => {
    expect(isMobile('+447700900123')).toBe(true);
    expect(isMobile('+441632960874')).toBe(false);
    expect(isMobile('+443005550142')).toBe(false);
  });
});
