package dev.tunable;

import static dev.tunable.Checks.clampUnit;
import static dev.tunable.Checks.quote;

import dev.tunable.internal.rules.DimensionRules;
import java.util.List;

/**
 * A dimension over a fixed, ordered list of choices: strings, enum constants or other values.
 * Choices are unordered to samplers; their order only fixes how they are numbered.
 *
 * <p>In configuration files a choice is written as its label: an enum constant's {@link
 * Enum#name()}, or the choice's {@link String#valueOf string form}.
 *
 * @param name the dimension's name
 * @param choices the allowed values: at least one, none {@code null}, no two with the same label,
 *     and no label blank or with white space at either end (configuration files drop it)
 * @param <T> the type of the choices
 * @throws IllegalArgumentException naming every rule the declaration breaks
 * @since 0.1
 */
public record CategoricalDimension<T>(String name, List<T> choices) implements Dimension<T> {

  public CategoricalDimension {
    choices = List.copyOf(choices);
    Checks.requireValid(name, null, DimensionRules.name(name),
        DimensionRules.choices(choices.stream().map(CategoricalDimension::label).toList()));
  }

  /** The position of {@code value} among the choices. */
  public int indexOf(Object value) {
    if (value == null) {
      throw Checks.invalid(this, null);
    }
    int index = choices.indexOf(value);
    if (index < 0 && value instanceof String text) {
      index = labels().indexOf(text);
    }
    if (index < 0) {
      throw new IllegalArgumentException(
          "hyperparameter " + quote(name) + ": " + Checks.describeValue(value)
              + " is not allowed; expected " + describe()
              + (value instanceof String text ? Checks.didYouMean(text, labels()) : ""));
    }
    return index;
  }

  /** The choices' labels, in order. */
  public List<String> labels() {
    return choices.stream().map(CategoricalDimension::label).toList();
  }

  @Override
  public CategoricalDimension<T> named(String name) {
    return new CategoricalDimension<>(name, choices);
  }

  @Override
  public T fromUnit(double u) {
    return choices.get((int) Math.min(choices.size() - 1, Math.floor(clampUnit(u) * choices.size())));
  }

  @Override
  public double toUnit(T value) {
    return (indexOf(value) + 0.5) / choices.size();
  }

  @Override
  public T check(Object value) {
    return choices.get(indexOf(value));
  }

  @Override
  public T parse(String text) {
    return check(text.strip());
  }

  @Override
  public String format(T value) {
    return label(value);
  }

  @Override
  public List<T> gridValues(int pointsIfContinuous) {
    return choices;
  }

  @Override
  public boolean isDiscrete() {
    return true;
  }

  @Override
  public String describe() {
    return "one of " + labels();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitCategorical(this);
  }

  static String label(Object choice) {
    return choice instanceof Enum<?> constant ? constant.name() : String.valueOf(choice);
  }
}
