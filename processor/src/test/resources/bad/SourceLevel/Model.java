package test;

import dev.tunable.annotations.Hyperparameter;

// Compiled with --release 11 (javac.options): javac used to reject the generated records instead.
public class Model { // error: [SourceLevel] class test.Model gets generated records, but this compilation is for Java 11, which has none; compile for Java 16 or later (Maven: <release>17</release> in maven-compiler-plugin's configuration; javac: --release 17)
  @Hyperparameter(range = {0, 1}) double rate;
}

class Other {
  @Hyperparameter(range = {0, 1}) double rate; // reported once, on the first model
}
