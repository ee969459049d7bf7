/**
 * The built-in pruners that {@link dev.tunable.Pruners} hands out, public so that their settings
 * can be changed with their {@code with…} methods. Every pruner here is an immutable value whose
 * decision is a pure function of the {@link dev.tunable.PrunerContext}: it keeps no state between
 * calls, so it is thread-safe and gives the same answer after a study is resumed.
 *
 * @since 0.1
 */
package dev.tunable.pruner;
