/**
 * The built-in samplers behind {@link dev.tunable.Samplers}. Internal: use the factory methods.
 */
package dev.tunable.internal.sampler;
