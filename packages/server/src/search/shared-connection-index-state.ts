import type { OrgConnectionsStore } from '../store/store';
import type { ConnectionIndexSnapshot, ConnectionIndexState } from './connection-index-state';

/** How long a snapshot stays in the store unread by a refresh: far past `maxAgeMs`, so a quiet night loses nothing. */
const SNAPSHOT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The connection index's state in the shared store: one walk across instances (the walk lock is a set-if-absent
 * key holding the walk's token, extended and deleted only while it holds that token, and expiring on its own), one snapshot read by all. Each instance keeps the snapshot it last read in memory
 * and reads the store's copy again only when the version key names another one, so a search costs one small read
 * of the store, not the whole index. When the store has no version (flushed, or out of reach), the copy in memory
 * still answers; the index's own refresh past `maxAgeMs` then walks again and shares the result.
 */
export function createSharedConnectionIndexState(store: OrgConnectionsStore, namespace: string): ConnectionIndexState {
  const versionKey = `index:${namespace}:version`;
  const snapshotKey = `index:${namespace}:snapshot`;
  const lockKey = `index:${namespace}:walk`;
  let local: { version: string; snapshot: ConnectionIndexSnapshot } | undefined;

  return {
    async loadSnapshot() {
      const version = await store.get(versionKey);
      if (version === undefined || version === local?.version) return local?.snapshot;
      try {
        const stored = await store.get(snapshotKey);
        if (stored === undefined) return local?.snapshot;
        const parsed = JSON.parse(stored) as { version: string; snapshot: ConnectionIndexSnapshot };
        if (typeof parsed.version !== 'string' || !Array.isArray(parsed.snapshot?.entries)) return local?.snapshot;
        local = parsed;
        return parsed.snapshot;
      } catch {
        return local?.snapshot;
      }
    },
    async saveSnapshot(snapshot) {
      const version = `${snapshot.builtAt}.${crypto.randomUUID()}`;
      local = { version, snapshot };
      // The snapshot before the version that names it, so a reader never finds a version without its snapshot.
      await store.set(snapshotKey, JSON.stringify(local), SNAPSHOT_TTL_MS);
      await store.set(versionKey, version, SNAPSHOT_TTL_MS);
    },
    tryLockWalk(owner, ttlMs) {
      return store.setIfAbsent(lockKey, owner, ttlMs);
    },
    extendWalk(owner, ttlMs) {
      return store.extendIfEqual(lockKey, owner, ttlMs);
    },
    async releaseWalk(owner) {
      await store.deleteIfEqual(lockKey, owner);
    },
  };
}
