/**
 * What the console's pages may load: only their own files, no inline script or style, no eval,
 * never framed. Audio plays from the server or from a `blob:` the page made of a fetched
 * recording (an access token cannot ride on an <audio src>).
 */
export const consoleContentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  mediaSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
