/*
 * Payment pages for naverpay (built with its adapter).
 */
export {}
