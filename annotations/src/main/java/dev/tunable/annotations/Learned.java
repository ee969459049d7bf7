package dev.tunable.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field as learned state: a parameter that training sets (weights, biases, tree
 * structure), as opposed to a {@link Hyperparameter} that is chosen before training.
 *
 * <pre>{@code
 * public class LogisticRegression {
 *   @Learned double[] weights;
 *   @Learned double bias;
 * }
 * }</pre>
 *
 * <p>The annotation processor generates {@code <Class>Parameters}, a value that captures and
 * restores the learned state, used for checkpoints, warm starts and population-based training.
 * Arrays of primitives, multi-dimensional ones included, are deep-copied; other types are copied by
 * reference, so they should be immutable, unless a {@link #codec} copies them through bytes. The
 * field must be neither {@code private}, {@code static} nor {@code final}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Learned {
  /**
   * A {@link LearnedCodec} of the field's type, a class with a no-argument constructor, through
   * which the generated code deep-copies the field (an XGBoost {@code Booster}, for one);
   * {@code void.class}, the default, copies the reference.
   */
  Class<?> codec() default void.class;
}
