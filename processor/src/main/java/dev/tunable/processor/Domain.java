package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import dev.tunable.annotations.Scale;
import java.util.List;

/**
 * The values one hyperparameter may take, as checked by the validators. Writers switch over the
 * permitted kinds, so a new kind (a nested hyperparameter object, or a sealed interface whose
 * implementations are conditional sub-spaces) is one more record here, and the compiler then points
 * at every writer that must learn it.
 */
sealed interface Domain {

  /** {@code double} or {@code float}; for a float field the bounds are already rounded to float. */
  record Real(double low, double high, Scale scale, double step, boolean isFloat) implements Domain {}

  /** {@code int} or {@code long}; {@code step} is 1 when every integer is allowed. */
  record Integral(long low, long high, Scale scale, long step) implements Domain {}

  /** Enum constants by name ({@code enumType} set) or strings ({@code enumType} null). */
  record Categorical(List<String> labels, ClassName enumType) implements Domain {
    public Categorical {
      labels = List.copyOf(labels);
    }
  }

  /** {@code false} and {@code true}. */
  record Bool() implements Domain {}
}
