import {
  emptyPortfolio,
  Network,
  Organisation,
  Portfolio,
  Project,
} from '../src/domain/schema';

/**
 * Small builders for valid domain objects. Every builder runs its result through the schema,
 * so a test that uses them starts from data the store would accept; overrides that break the
 * schema make the builder throw rather than produce an invalid object silently.
 */

let seq = 0;
/** A fresh id, unique within the test process. */
export function nextId(prefix: string): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

export const NETWORK_ID = 'net-test';
export const ORGANISATION_ID = 'org-test';
export const PERSON_ID = 'person-test';

export function aNetwork(overrides: Partial<Network> = {}): Network {
  return Network.parse({
    id: NETWORK_ID,
    name: 'Testnettverket',
    areas: ['helse', 'oppvekst'],
    ...overrides,
  });
}

export function anOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return Organisation.parse({
    id: nextId('org'),
    networkId: NETWORK_ID,
    name: 'Testkommune',
    kind: 'kommune',
    kommunenummer: '4601',
    ...overrides,
  });
}

export function aProject(overrides: Partial<Project> = {}): Project {
  return Project.parse({
    id: nextId('project'),
    networkId: NETWORK_ID,
    title: 'Digital innbyggerdialog',
    ownerOrganisationId: ORGANISATION_ID,
    area: 'helse',
    horizon: 'H1',
    status: 'proposed',
    createdBy: PERSON_ID,
    createdAt: '2026-01-15T10:00:00Z',
    ...overrides,
  });
}

/** A valid portfolio with one network and the organisation that owns `aProject()`s by default. */
export function aPortfolio(overrides: Partial<Portfolio> = {}): Portfolio {
  return Portfolio.parse({
    ...emptyPortfolio(),
    networks: [aNetwork()],
    organisations: [anOrganisation({ id: ORGANISATION_ID, name: 'Eierkommunen' })],
    ...overrides,
  });
}
