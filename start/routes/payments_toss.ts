/*
 * Payment pages for toss (built with its adapter).
 */
export {}
