import { DomainError } from './errors';
import type { Mutation } from './mutation';
import type { Organisation, Portfolio } from './schema';

/**
 * The tenants each network admits, as configured: a network named here gets exactly these
 * tenants; a network not named keeps what the data file says.
 */
export function setNetworkTenants(p: Portfolio, tenants: Readonly<Record<string, readonly string[]>>): Mutation<string[]> {
  const unknown = Object.keys(tenants).filter((id) => !p.networks.some((n) => n.id === id));
  if (unknown.length > 0) throw new DomainError('NETWORK.NOT_CONFIGURED', { networks: unknown.join(', ') });
  let changed = false;
  const networks = p.networks.map((n) => {
    const wanted = tenants[n.id];
    if (!wanted || wanted.join(',') === n.tenantIds.join(',')) return n;
    changed = true;
    return { ...n, tenantIds: [...wanted] };
  });
  return { next: changed ? { ...p, networks } : p, result: Object.keys(tenants) };
}

/**
 * The member organisation of the network whose own tenant this is, if the network maps it to
 * exactly one (a tenant two organisations claim identifies neither).
 */
export function organisationForTenant(p: Portfolio, networkId: string, tenantId: string | undefined): Organisation | undefined {
  if (!tenantId) return undefined;
  const matches = p.organisations.filter((o) => o.networkId === networkId && o.tenantIds.includes(tenantId));
  return matches.length === 1 ? matches[0] : undefined;
}
