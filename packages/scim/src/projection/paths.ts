type Wire = Record<string, unknown>;

const isObj = (v: unknown): v is Wire => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies `keys` from `src` into `dst`; through arrays (multi-valued) it picks the sub-attribute of each element. */
export function copyPath(src: unknown, dst: Wire, keys: readonly string[]): void {
  const [key, ...rest] = keys;
  if (key === undefined || !isObj(src) || src[key] === undefined) return;
  const value = src[key];
  if (rest.length === 0) {
    dst[key] = structuredClone(value);
    return;
  }
  if (Array.isArray(value)) {
    const prev = Array.isArray(dst[key]) ? (dst[key] as unknown[]) : value.map(() => ({}));
    value.forEach((el, i) => {
      const target = isObj(prev[i]) ? prev[i] : {};
      copyPath(el, target, rest);
      prev[i] = target;
    });
    dst[key] = prev;
    return;
  }
  const target = isObj(dst[key]) ? dst[key] : {};
  copyPath(value, target, rest);
  if (Object.keys(target).length > 0) dst[key] = target;
}

/** Deletes `keys` from `obj` (through arrays), dropping containers left empty. */
export function deletePath(obj: unknown, keys: readonly string[]): void {
  const [key, ...rest] = keys;
  if (key === undefined || !isObj(obj) || obj[key] === undefined) return;
  if (rest.length === 0) {
    delete obj[key];
    return;
  }
  const value = obj[key];
  if (Array.isArray(value)) {
    value.forEach((el) => deletePath(el, rest));
    return;
  }
  deletePath(value, rest);
  if (isObj(value) && Object.keys(value).length === 0) delete obj[key];
}
