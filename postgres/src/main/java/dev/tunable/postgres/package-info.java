/**
 * The PostgreSQL storage behind {@code Storages.open("jdbc:postgresql://...")}. Internal: the
 * module exports no package; use {@link dev.tunable.Storages#open(String)}.
 */
package dev.tunable.postgres;
