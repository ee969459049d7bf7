/**
 * The rules of a hyperparameter's declaration, written once: what its name, range, scale, step,
 * choices and values may be. The annotation processor checks {@code @Hyperparameter} fields
 * against them at compile time and the runtime's dimensions check themselves against them when
 * constructed, so that a declaration one side accepts the other accepts too.
 *
 * <p>Internal, not API: anything here may change in any release. The package is plain Java, with
 * no dependency beyond {@code java.base} and {@link dev.tunable.annotations.Scale}, because the
 * processor carries its own copy: the build shades it into the processor's jar, relocated to
 * {@code dev.tunable.processor.shaded.rules}, so that the processor never needs the runtime on its
 * path. Rules find every violation and return them, never throw; each side words them.
 */
package dev.tunable.internal.rules;
