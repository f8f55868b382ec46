/**
 * The bytes of the files a case names by their SHA-256 (the .eml sent, the evidence package),
 * kept in this browser's IndexedDB: localStorage holds the cases (ksmail:cases) but not
 * megabytes. Keyed by the hex SHA-256 of the bytes, so a file is kept once whichever cases name
 * it, and what comes back is checked against its key by whoever uses it (the dossier export).
 *
 * Never throws: IndexedDB missing or blocked (some private modes), the quota exceeded, a
 * transaction aborted — writes answer false and reads find nothing, and the caller says so (the
 * step keeps its hashes; the dossier then marks the file 未放入案卷). Nothing is sent anywhere.
 * Each call opens the database and closes it when done, so clearing site data (deleteDatabase)
 * is never blocked by an idle connection of ours. The raw API, not a wrapper package: put, get
 * and open are all this needs.
 */
const DATABASE = 'ksmail-case-files';
const STORE = 'files';

/** One kept file: the hex SHA-256 of `bytes`, and the bytes. */
export interface KeptFile {
  sha256: string;
  bytes: Uint8Array;
}

function openDatabase(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const database = request.result;
        // Another page deleting or upgrading the database must not wait on this connection.
        database.onversionchange = () => database.close();
        resolve(database);
      };
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/** Runs one transaction; resolves with what `use` gave once it completes, `failed` otherwise. */
async function withStore<T>(
  mode: IDBTransactionMode,
  failed: T,
  use: (store: IDBObjectStore) => () => T,
): Promise<T> {
  const database = await openDatabase();
  if (!database) return failed;
  return new Promise<T>((resolve) => {
    try {
      const transaction = database.transaction(STORE, mode);
      const result = use(transaction.objectStore(STORE));
      transaction.oncomplete = () => {
        database.close();
        resolve(result());
      };
      // QuotaExceededError arrives as an abort of the transaction.
      transaction.onabort = transaction.onerror = () => {
        database.close();
        resolve(failed);
      };
    } catch {
      database.close();
      resolve(failed);
    }
  });
}

/** Keeps the files; true when every one is kept (an earlier copy of the same bytes counts). */
export function keepCaseFiles(files: readonly KeptFile[]): Promise<boolean> {
  if (files.length === 0) return Promise.resolve(true);
  return withStore('readwrite', false, (store) => {
    // A view into a larger buffer would be stored with all of that buffer.
    for (const { bytes, sha256 } of files)
      store.put(bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(), sha256);
    return () => true;
  });
}

/** The kept bytes of each hash asked for that this browser holds (others are not in the map). */
export function keptCaseFiles(hashes: readonly string[]): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  if (hashes.length === 0) return Promise.resolve(found);
  return withStore('readonly', found, (store) => {
    for (const hash of new Set(hashes)) {
      const request = store.get(hash);
      request.onsuccess = () => {
        if (request.result instanceof Uint8Array) found.set(hash, request.result);
      };
    }
    return () => found;
  });
}
