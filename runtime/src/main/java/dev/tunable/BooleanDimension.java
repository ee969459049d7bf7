package dev.tunable;

import static dev.tunable.Checks.clampUnit;
import static dev.tunable.Checks.invalid;

import dev.tunable.internal.rules.DimensionRules;
import java.util.List;

/**
 * A dimension whose values are {@code false} and {@code true}; samplers treat it as a categorical
 * with two choices.
 *
 * @param name the dimension's name
 * @throws IllegalArgumentException if the name is blank or cannot be a configuration key
 * @since 0.1
 */
public record BooleanDimension(String name) implements Dimension<Boolean> {

  public BooleanDimension {
    Checks.requireValid(name, null, DimensionRules.name(name));
  }

  @Override
  public BooleanDimension named(String name) {
    return new BooleanDimension(name);
  }

  @Override
  public Boolean fromUnit(double u) {
    return clampUnit(u) >= 0.5;
  }

  @Override
  public double toUnit(Boolean value) {
    return check(value) ? 0.75 : 0.25;
  }

  @Override
  public Boolean check(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw invalid(this, value);
  }

  @Override
  public Boolean parse(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(this, text);
    };
  }

  @Override
  public List<Boolean> gridValues(int pointsIfContinuous) {
    return List.of(false, true);
  }

  @Override
  public boolean isDiscrete() {
    return true;
  }

  @Override
  public String describe() {
    return "true or false";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBoolean(this);
  }
}
