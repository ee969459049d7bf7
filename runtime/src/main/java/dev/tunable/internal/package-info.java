/**
 * Internal implementation of Tunable's runtime: samplers, storages, export. Not API: anything here
 * may change in any release.
 */
package dev.tunable.internal;
