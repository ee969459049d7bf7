/**
 * The storage SPI: a study is an append-only log of {@link dev.tunable.storage.Event events},
 * replayed by the study; a storage only appends and reads them. Users get storages from {@link
 * dev.tunable.Storages}; this package is for those who write new ones.
 */
package dev.tunable.storage;
