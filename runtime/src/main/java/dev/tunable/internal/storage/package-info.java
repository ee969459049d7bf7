/**
 * The built-in storages behind {@link dev.tunable.Storages}, and the event codec a text-based
 * storage shares. Internal: use the factory methods.
 */
package dev.tunable.internal.storage;
