package test;

import dev.tunable.annotations.Learned;

public class Model<T> {
  @Learned T state; // error: [LearnedTypeVariable] learned field 'state' has type T, which uses a type variable of Model that generated code cannot name; use a concrete type
}
