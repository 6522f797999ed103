/**
 * Tables the parser looks words up in. They have no prototype: a word like "constructor" or
 * "toString" in an article is a word the table doesn't have, not a function it inherited.
 */
export function lookup<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
