/** Types for `fft.js` (a CommonJS module without its own), as far as Confide uses it. */
declare module "fft.js" {
  export default class FFT {
    /** `size` a power of two, at least 4. */
    constructor(size: number);
    /** An interleaved [re, im, re, im…] array of `size` complex values. */
    createComplexArray(): number[];
    /** Fills the first half of `output` (interleaved complex) with the spectrum of the real `input`. */
    realTransform(output: number[], input: ArrayLike<number>): void;
    /** Fills the second half of a `realTransform` output by conjugate symmetry. */
    completeSpectrum(spectrum: number[]): void;
    /** Inverse transform of interleaved complex `input`, scaled by 1/size. */
    inverseTransform(output: number[], input: number[]): void;
  }
}
