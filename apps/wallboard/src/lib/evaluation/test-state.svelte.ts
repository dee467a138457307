/** Test helper: a deeply reactive copy of a value (as a page's `$state` would hold it), for bound props. */
export function reactive<T extends object>(value: T): T {
  const state = $state(value);
  return state;
}
