/** The same nested keys as `T`, each leaf a string: what another language must fill in. */
export type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
