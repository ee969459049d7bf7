package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import dev.tunable.annotations.Scale;
import java.util.List;

/**
 * The values one hyperparameter may take, as checked by the validators. Writers tell the permitted
 * kinds apart through a {@link Visitor} only, so a new kind is one more record here and one more
 * method of the visitor, and the compiler then points at every writer that must learn it.
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

    R visitNested(Nested nested);

    R visitChoice(Choice choice);
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

  /**
   * A class with hyperparameters of its own, whose dimensions join the model's under the field's
   * name and a dot ({@code schedule.warmup}).
   *
   * @param type the class, read like a model
   */
  record Nested(TunableClass type) implements Domain {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNested(this);
    }
  }

  /**
   * A sealed type: a categorical choice among its permitted classes, each a branch whose
   * dimensions ({@code optimizer.adam.beta1}) are active only while it is chosen.
   *
   * @param family the generated sealed interface over the branches' records
   * @param sealedType the sealed type the field is declared with
   * @param branches one per permitted class, in the order of {@code permits}
   */
  record Choice(ClassName family, ClassName sealedType, List<Branch> branches) implements Domain {
    public Choice {
      branches = List.copyOf(branches);
    }

    List<String> labels() {
      return branches.stream().map(Branch::label).toList();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitChoice(this);
    }
  }

  /**
   * One branch of a {@link Choice}.
   *
   * @param label the permitted class's simple name, decapitalized ({@code adam}, {@code rmsProp})
   * @param type the permitted class, read like a model; it may have no hyperparameters
   */
  record Branch(String label, TunableClass type) {}

  /** {@code false} and {@code true}. */
  record Bool() implements Domain {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBool(this);
    }
  }
}
