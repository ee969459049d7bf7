/**
 * The built-in storages behind {@link dev.tunable.Storages}, the event codec a text-based storage
 * shares, and {@link dev.tunable.internal.storage.Salvage}, the command that copies the valid
 * records of a damaged journal into a new one. Internal: use the factory methods.
 */
package dev.tunable.internal.storage;
