/**
 * Layout positions cached per dataset: in memory for this page, and in IndexedDB so a reload
 * does not lay out again. Failures of IndexedDB (private mode, quota) only cost a new layout.
 */
const memory = new Map<string, Float32Array>();
const DB = 'ripple-layout';
const STORE = 'positions';

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export async function getLayout(key: string): Promise<Float32Array | null> {
  const hit = memory.get(key);
  if (hit) return hit;
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    request.onsuccess = () => {
      const value = request.result;
      db.close();
      resolve(value instanceof Float32Array ? value : null);
    };
    request.onerror = () => {
      db.close();
      resolve(null);
    };
  });
}

export async function putLayout(key: string, positions: Float32Array): Promise<void> {
  memory.set(key, positions);
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(positions, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => resolve();
    tx.onabort = () => resolve();
  });
  db.close();
}
