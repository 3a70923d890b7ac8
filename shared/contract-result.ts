/**
 * Declares a channel's result type without a runtime value: `result: result<Annotation>()`.
 * Its own module so that contract parts (`contract-annotations.ts`, …) can use it without importing
 * `contract.ts`, which imports them (a module cycle).
 */
export function result<T>(): T {
  return undefined as T;
}
