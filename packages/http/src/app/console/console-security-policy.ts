/**
 * What the console's pages may load: only their own files, no inline script or style, no eval,
 * never framed. Audio plays from the server only: a signed same-origin link
 * (`POST /v1/sessions/{id}/audio:link`), never a `blob:` of a fetched recording.
 */
export const consoleContentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  mediaSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
