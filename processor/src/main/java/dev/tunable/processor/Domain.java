package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import dev.tunable.annotations.Scale;
import java.util.List;

/**
 * The values one hyperparameter may take, as checked by the validators. Writers tell the permitted
 * kinds apart through a {@link Visitor} only, so a new kind (a nested hyperparameter object, or a
 * sealed interface whose implementations are conditional sub-spaces) is one more record here and
 * one more method of the visitor, and the compiler then points at every writer that must learn it.
 */
sealed interface Domain {

  /** Calls the method of {@code visitor} for this domain's kind and returns what it returns. */
  <R> R accept(Visitor<R> visitor);

  /**
   * An operation with one method per kind of domain. A new kind adds a method, so that every
   * visitor fails to compile until it handles it; a chain of {@code instanceof} tests would
   * silently skip it. (Java 17 has pattern matching for {@code switch} only as a preview.)
   */
  interface Visitor<R> {
    R visitReal(Real real);

    R visitIntegral(Integral integral);

    R visitCategorical(Categorical categorical);

    R visitBool(Bool bool);
  }

  /** {@code double} or {@code float}; for a float field the bounds are already rounded to float. */
  record Real(double low, double high, Scale scale, double step, boolean isFloat) implements Domain {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReal(this);
    }
  }

  /** {@code int} or {@code long}; {@code step} is 1 when every integer is allowed. */
  record Integral(long low, long high, Scale scale, long step) implements Domain {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIntegral(this);
    }
  }

  /** Enum constants by name ({@code enumType} set) or strings ({@code enumType} null). */
  record Categorical(List<String> labels, ClassName enumType) implements Domain {
    public Categorical {
      labels = List.copyOf(labels);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCategorical(this);
    }
  }

  /** {@code false} and {@code true}. */
  record Bool() implements Domain {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBool(this);
    }
  }
}
