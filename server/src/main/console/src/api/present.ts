// The OpenAPI document marks few properties required, so generated types make nearly every field optional.
// Where the server always sends a field (a record's primitive or non-null component), a page may say so once with
// Present<T, 'a' | 'b'> instead of checking for undefined at every use.
export type Present<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
