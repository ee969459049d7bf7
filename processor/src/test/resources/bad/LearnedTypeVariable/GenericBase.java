package test;

import dev.tunable.annotations.Learned;

public class GenericBase<S> {
  // Reported once, for GenericBase and for Sub, which binds S but inherits the field as declared.
  @Learned S[] history; // error: [LearnedTypeVariable] learned field 'history' has type S[], which uses a type variable of GenericBase that generated code cannot name; use a concrete type
}
