import { findEmailAddresses, isRoleMailbox } from './email-addresses';

const addresses = (text: string) => findEmailAddresses(text).map((f) => f.address);

describe('findEmailAddresses', () => {
  it('finds plain addresses', () => {
    expect(addresses('write to Sarah.J@Example.org. Thanks')).toEqual(['sarah.j@example.org']);
  });

  it.each([
    ['jane dot doe at example dot com', 'jane.doe@example.com'],
    ['yrahman41 AT example DOT org', 'yrahman41@example.org'],
    ['jane(at)example[.]com', 'jane@example.com'],
    ['jane [at] example [dot] co [dot] uk', 'jane@example.co.uk'],
    ['j.doe @ example.net', 'j.doe@example.net'],
  ])('finds the spelt-out address in "%s"', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });

  it('does not take "at" in prose for an address', () => {
    expect(addresses('see you at Eden Centre. Come at ten, dot on time')).toEqual([]);
  });
});

describe('isRoleMailbox', () => {
  it('knows an organisation mailbox from a person', () => {
    expect(isRoleMailbox('bookings@service.example.org')).toBe(true);
    expect(isRoleMailbox('admin.team@service.example.org')).toBe(true);
    expect(isRoleMailbox('jane.doe@service.example.org')).toBe(false);
  });
});
