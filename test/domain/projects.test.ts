import type { Actor } from '../../src/domain/people';
import { addStatusReport } from '../../src/domain/projects';
import { aPortfolio, aProject, NETWORK_ID, ORGANISATION_ID } from '../builders';

const OWNER: Actor = { personId: 'p-owner', aadObjectId: 'aad-owner', name: 'Eier', networkId: NETWORK_ID, organisationId: ORGANISATION_ID, roles: [] };
const GREEN = { overall: 'green', time: 'green', budget: 'green', quality: 'green' } as const;

describe('a status report', () => {
  it('is dated by the calendar in Norway: 00:30 on 1 March in Oslo is still 28 February in UTC', () => {
    const project = aProject({ id: 'prj-1', status: 'active' });
    const p = aPortfolio({ projects: [project] });
    expect(addStatusReport(p, OWNER, 'prj-1', GREEN, 'sr-1', new Date('2026-02-28T23:30:00Z')).result.date).toBe('2026-03-01');
    expect(addStatusReport(p, OWNER, 'prj-1', GREEN, 'sr-1', new Date('2026-02-28T22:30:00Z')).result.date).toBe('2026-02-28');
  });
});
