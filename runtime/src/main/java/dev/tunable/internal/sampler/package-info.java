/**
 * The built-in samplers behind {@link dev.tunable.Samplers}, and the transform of a search space
 * they all read it through ({@link dev.tunable.internal.sampler.SpaceEncoding}). Internal: use the
 * factory methods.
 */
package dev.tunable.internal.sampler;
