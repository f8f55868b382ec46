import { describe, expect, it } from 'vitest';
import { ChunkLoadError, lazyChunk } from './lazy-chunk';

describe('lazyChunk', () => {
  it('loads once, then hands out the same module, also synchronously', async () => {
    let calls = 0;
    const chunk = lazyChunk(async () => ({ calls: ++calls }), '测试代码');
    expect(chunk.current).toBeUndefined();
    const [first, second] = await Promise.all([chunk.load(), chunk.load()]);
    expect(first).toBe(second);
    expect(await chunk.load()).toBe(first);
    expect(chunk.current).toBe(first);
    expect(calls).toBe(1);
  });

  it('turns a failed load into a clear Chinese message, and tries again next time', async () => {
    let online = false;
    const chunk = lazyChunk(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module: /_astro/x.js');
      return { ok: true };
    }, '证据包的打包代码');
    const failure = await chunk.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChunkLoadError);
    expect((failure as Error).message).toBe(
      '证据包的打包代码没有下载成功（可能网络已断开，或本站刚更新过）。请检查网络后再试一次；仍不行请刷新页面。',
    );
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
    expect(chunk.current).toBeUndefined();
    online = true;
    expect(await chunk.load()).toEqual({ ok: true });
  });
});
