/**
 * Memoises something derived from a node's parsed args (a parsed instant, a Set, a compiled
 * recurrence). The compiler passes the same args object on every evaluation, so the derivation
 * runs once per compiled graph instead of once per cart.
 */
export function memoByArgs<Args extends object, Derived>(derive: (args: Args) => Derived): (args: Args) => Derived {
  const cache = new WeakMap<Args, Derived>();
  return (args) => {
    let derived = cache.get(args);
    if (derived === undefined) {
      derived = derive(args);
      cache.set(args, derived);
    }
    return derived;
  };
}
