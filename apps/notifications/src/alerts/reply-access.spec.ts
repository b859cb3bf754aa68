import type { Principal, Role } from '#auth';
import { sightOf } from './reply-access';

const who = (roles: Role[], userId = 'u-1', organisationId = 'org-a'): Principal => ({ userId, roles, organisationId, partnershipId: null });
const reply = { organisationId: 'org-a', kind: 'reply-received' as const };
const failure = { organisationId: 'org-a', kind: 'delivery-failed' as const };

describe('who sees an alert and reads a forwarded reply', () => {
  it("gives a reply's text to a facilitator of its case only, and the coordinator sees that it arrived", () => {
    expect(sightOf(who(['facilitator'], 'lead'), reply, ['co', 'lead'])).toEqual({ visible: true, readsReply: true, mayAcknowledge: true, readableBy: 'facilitators' });
    expect(sightOf(who(['facilitator'], 'other'), reply, ['co', 'lead'])).toMatchObject({ visible: false, readsReply: false });
    expect(sightOf(who(['coordinator']), reply, ['lead'])).toEqual({ visible: true, readsReply: false, mayAcknowledge: false, readableBy: 'facilitators' });
  });

  it('gives the text to the coordinators when no facilitator of the case is known by token, and to no facilitator', () => {
    expect(sightOf(who(['coordinator']), reply, [])).toEqual({ visible: true, readsReply: true, mayAcknowledge: true, readableBy: 'coordinators' });
    expect(sightOf(who(['facilitator']), reply, [])).toMatchObject({ visible: false, readsReply: false });
  });

  it('reads the text as a facilitator of the case whatever other role the token holds, but not by the subject alone', () => {
    expect(sightOf(who(['coordinator', 'facilitator'], 'lead'), reply, ['lead'])).toMatchObject({ readsReply: true, mayAcknowledge: true });
    expect(sightOf(who(['coordinator'], 'lead'), reply, ['lead'])).toMatchObject({ visible: true, readsReply: false });
  });

  it('shows the other alerts to coordinators only', () => {
    expect(sightOf(who(['coordinator']), failure, [])).toEqual({ visible: true, readsReply: false, mayAcknowledge: true, readableBy: null });
    expect(sightOf(who(['facilitator'], 'lead'), failure, ['lead'])).toMatchObject({ visible: false, mayAcknowledge: false });
    expect(sightOf(who(['manager']), failure, [])).toMatchObject({ visible: false });
  });

  it('shows nothing of another organisation', () => {
    expect(sightOf(who(['facilitator'], 'lead', 'org-b'), reply, ['lead'])).toMatchObject({ visible: false, readsReply: false });
    expect(sightOf(who(['coordinator'], 'u-1', 'org-b'), reply, [])).toMatchObject({ visible: false, readsReply: false });
  });
});
