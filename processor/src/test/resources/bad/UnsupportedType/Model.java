package test;

import dev.tunable.annotations.Hyperparameter;

public class Model<E extends Enum<E>> {
  @Hyperparameter(range = {0, 1}) java.util.List<String> rates; // error: [UnsupportedType] hyperparameter 'rates' has type java.util.List<java.lang.String>, which is not supported; use double, float, int, long, boolean, an enum, String with choices, a class with @Hyperparameter fields, or a sealed interface of such classes
  @Hyperparameter(range = {0, 10}) short depth; // error: [UnsupportedType] hyperparameter 'depth' has type short, which is not supported; declare it int
  @Hyperparameter E mode; // error: [UnsupportedType] hyperparameter 'mode' has type E, which is not supported; a type variable's values are not known when the space is generated: use the type itself, such as the enum
}
