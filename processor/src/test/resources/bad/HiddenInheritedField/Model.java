package test;

// Regression: the generated applyTo set Model.rate, so the tuned value went to the wrong field.
public class Model extends Middle implements Limits {
  double rate; // error: [HiddenInheritedField] field 'rate' of Model hides the @Hyperparameter field of the same name in Base, so the generated code would reach this field instead of that one; rename this field
  float[] weights; // error: [HiddenInheritedField] field 'weights' of Model hides the @Learned field of the same name in Base, so the generated code would reach this field instead of that one; rename this field
}

interface Limits {
  // An interface constant makes model.depth ambiguous in generated code.
  int depth = 4; // error: [HiddenInheritedField] field 'depth' of Limits hides the @Hyperparameter field of the same name in Base, so the generated code would reach this field instead of that one; rename this field
}
