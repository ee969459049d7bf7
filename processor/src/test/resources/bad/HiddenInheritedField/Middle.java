package test;

public class Middle extends Base {
  int depth; // error: [HiddenInheritedField] field 'depth' of Middle hides the @Hyperparameter field of the same name in Base, so the generated code would reach this field instead of that one; rename this field
}
