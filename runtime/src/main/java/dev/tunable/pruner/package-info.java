/**
 * The built-in pruners behind {@link dev.tunable.Pruners}. Every pruner here is an immutable value
 * whose decision is a pure function of the {@link dev.tunable.PrunerContext}: it keeps no state
 * between calls, so it is thread-safe and gives the same answer after a study is resumed.
 */
package dev.tunable.internal.pruner;
