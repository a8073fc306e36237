/*
 * Payment pages for stripe (built with its adapter).
 */
export {}
