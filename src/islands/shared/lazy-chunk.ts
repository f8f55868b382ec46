/**
 * Code an island loads only when the user needs it (`import()`). Such a load can fail long
 * after the page arrived: the network dropped, or a new deployment replaced the chunk. The
 * browser's own error ("Failed to fetch dynamically imported module …") means nothing to the
 * user, so every island loads through here and shows one clear Chinese message instead.
 */

export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

/**
 * The message for code that did not arrive; `what` names it (“证据包的打包代码”). Trying again
 * works once the network is back (the failure is not kept, and Chromium fetches the chunk
 * again); after a new deployment the old chunk is gone, and only a reload helps.
 */
export const chunkLoadMessage = (what: string) =>
  `${what}没有下载成功（可能网络已断开，或本站刚更新过）。请检查网络后再试一次；仍不行请刷新页面。`;

export interface LazyChunk<T> {
  /** The module, loading it the first time; a failed load is not kept, so the next call tries again. */
  load(): Promise<T>;
  /** The module once it has loaded (for code that must run without waiting), else undefined. */
  readonly current: T | undefined;
}

export function lazyChunk<T>(importer: () => Promise<T>, what: string): LazyChunk<T> {
  let pending: Promise<T> | null = null;
  let current: T | undefined;
  return {
    load() {
      pending ??= importer().then(
        (module) => (current = module),
        (error: unknown) => {
          pending = null;
          throw new ChunkLoadError(chunkLoadMessage(what), { cause: error });
        },
      );
      return pending;
    },
    get current() {
      return current;
    },
  };
}
