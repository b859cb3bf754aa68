/**
 * A function's results kept for arguments seen before; all forgotten at once past `limit` entries,
 * so memory stays bounded on a long stream without the bookkeeping of an LRU.
 */
export function memoise<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
