/** Vite's `?worker&url` import: the URL of the bundled worker (or worklet) file, a same-origin asset. */
declare module "*?worker&url" {
  const url: string;
  export default url;
}
