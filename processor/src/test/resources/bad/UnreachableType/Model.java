package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import java.util.List;
import java.util.Map;

public class Model {
  private enum Mode { FAST, SLOW }

  private static class Secret {}

  @Hyperparameter Mode mode; // error: [UnreachableType] field 'mode' has type test.Model.Mode, which is private, so the generated ModelHyperparameters cannot name it; make Mode at least package-private

  // Regression: javac failed inside the generated ModelParameters instead.
  @Learned List<Secret> secrets; // error: [UnreachableType] field 'secrets' has type java.util.List<test.Model.Secret>, which names test.Model.Secret, a private class, so the generated ModelParameters cannot name it; make Secret at least package-private
  @Learned Map<String, ? extends Secret>[] tables; // error: [UnreachableType] field 'tables' has type java.util.Map<java.lang.String,? extends test.Model.Secret>[], which names test.Model.Secret, a private class, so the generated ModelParameters cannot name it; make Secret at least package-private
}
