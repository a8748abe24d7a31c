import { MemoryStore } from '../../src/store/memory-store';
import { portfolioStoreContract } from './contract';

portfolioStoreContract({ name: 'MemoryStore', durable: false, fresh: async () => undefined, open: async (seed) => new MemoryStore(seed()) });
