package dev.tunable.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field as a hyperparameter: a value chosen before training that training itself must not
 * change. The annotation processor turns every annotated field into a typed dimension of the
 * class's generated search space, {@code <Class>Hyperparameters.SPACE}.
 *
 * <pre>{@code
 * public class LogisticRegression {
 *   @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG) double learningRate = 0.01;
 *   @Hyperparameter(range = {8, 256}, scale = Scale.LOG) int batchSize = 32;
 *   @Hyperparameter(range = {0, 1}, step = 0.1) double dropout = 0.5;
 *   @Hyperparameter boolean shuffle = true;
 *   @Hyperparameter Penalty penalty = Penalty.L2;
 *   @Hyperparameter(choices = {"adam", "sgd"}) String optimizer = "adam";
 * }
 * }</pre>
 *
 * <p>Supported field types: {@code double}, {@code float}, {@code int}, {@code long} (each needs a
 * {@link #range}), {@code boolean}, any enum (its constants, or the subset named by {@link
 * #choices}) and {@code String} (needs {@link #choices}). The field must be neither {@code private},
 * {@code static} nor {@code final}: the generated code assigns it directly, without reflection.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Hyperparameter {

  /** The inclusive bounds {@code {min, max}} of a numeric hyperparameter; empty for the others. */
  double[] range() default {};

  /** How the range is searched; {@link Scale#LOG} needs both bounds above zero. */
  Scale scale() default Scale.LINEAR;

  /**
   * The distance between allowed values, counted from the lower bound; {@code 0} means continuous
   * (or every integer, for integer fields). It must divide the range.
   */
  double step() default 0;

  /** The allowed values of a {@code String} field, or the allowed subset of an enum's constants. */
  String[] choices() default {};

  /** The dimension's name in search spaces and configuration files; the field's name by default. */
  String name() default "";

  /** What the hyperparameter does, for generated documentation, descriptors and IDE hints. */
  String description() default "";
}
