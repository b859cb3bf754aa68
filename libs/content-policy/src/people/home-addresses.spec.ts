import { parseHomeAddress } from './home-addresses';

describe('parseHomeAddress', () => {
  it('takes the house number, street, town and postcode apart', () => {
    expect(parseHomeAddress('12 Elm Road, Maidstone ME14 2AB')).toEqual({ houseNumber: '12', street: ['elm', 'road'], towns: [['maidstone']], postcode: 'ME142AB', prison: false, organisation: false });
  });

  it('skips a flat number and reads abbreviations of street types', () => {
    expect(parseHomeAddress('Flat 2, 88 Stone St, Maidstone ME15 6HS')).toMatchObject({ houseNumber: '88', street: ['stone', 'street'] });
  });

  it('knows an organisation given as an address, which is no home', () => {
    expect(parseHomeAddress('Riverside Allotment Society, Quay Lane, Hythe CT21 5AB')).toMatchObject({ street: ['quay', 'lane'], organisation: true });
    expect(parseHomeAddress('4 Church Lane, Hythe CT21 5AB').organisation).toBe(false);
  });

  it('knows a prison address', () => {
    expect(parseHomeAddress('HMP Send, Ripley Road, Send, Woking GU23 7LJ')).toMatchObject({ street: ['ripley', 'road'], towns: [['send'], ['woking']], prison: true });
  });
});
