package test;

public class Model extends other.Base { // error: [InaccessibleInheritedField] field 'rate' is inherited from other.Base in another package and is not public, so the generated ModelHyperparameters cannot reach it; make the field public
}
