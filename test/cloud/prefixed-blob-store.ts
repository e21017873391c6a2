import type { BlobStore } from "@confide/core/ports";

/**
 * A BlobStore whose keys all live under `prefix` of `store`: the contract's fixed keys
 * (`a/b.wav`…) land under the cloud run's own prefix of a real bucket, never on anyone's data.
 */
export function prefixedBlobStore(store: BlobStore, prefix: string): BlobStore {
  const at = (key: string) => `${prefix}${key}`;
  const signedUrl = store.signedUrl;
  return {
    put: (key, body, options) => store.put(at(key), body, options),
    get: (key, options) => store.get(at(key), options),
    head: (key, options) => store.head(at(key), options),
    delete: (key, options) => store.delete(at(key), options),
    check: (options) => store.check(options),
    ...(signedUrl === undefined ? {} : { signedUrl: (key: string, options: Parameters<NonNullable<BlobStore["signedUrl"]>>[1]) => signedUrl.call(store, at(key), options) }),
    close: () => store.close(),
  };
}
