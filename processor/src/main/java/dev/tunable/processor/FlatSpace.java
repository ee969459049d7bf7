package dev.tunable.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * The dimensions of a model's space in order and under their dotted names, as the runtime's
 * builder lays out nested classes and choices: the choice {@code optimizer}, then each branch's
 * dimensions ({@code optimizer.adam.beta1}), then a nested class's ({@code schedule.warmup}).
 */
final class FlatSpace {
  private FlatSpace() {}

  /** A dimension is active while {@code parent} (a dotted name) is {@code label}. */
  record Condition(String parent, String label) {}

  /**
   * One dimension.
   *
   * @param name the dotted name
   * @param field the hyperparameter it is, a scalar or a choice
   * @param top the model's own field it comes from
   * @param conditions every condition on the way to it, outermost first; empty if always active
   */
  record Entry(String name, HyperparameterField field, HyperparameterField top,
      List<Condition> conditions) {}

  static List<Entry> of(List<HyperparameterField> fields) {
    List<Entry> entries = new ArrayList<>();
    walk(fields, "", List.of(), null, entries);
    return entries;
  }

  private static void walk(List<HyperparameterField> fields, String prefix,
      List<Condition> conditions, HyperparameterField top, List<Entry> out) {
    for (HyperparameterField field : fields) {
      HyperparameterField from = top == null ? field : top;
      String name = prefix + field.name();
      if (field.domain() instanceof Domain.Nested nested) {
        walk(nested.type().hyperparameters(), name + ".", conditions, from, out);
        continue;
      }
      out.add(new Entry(name, field, from, conditions));
      if (field.domain() instanceof Domain.Choice choice) {
        for (Domain.Branch branch : choice.branches()) {
          List<Condition> inBranch = new ArrayList<>(conditions);
          inBranch.add(new Condition(name, branch.label()));
          walk(branch.type().hyperparameters(), name + "." + branch.label() + ".",
              List.copyOf(inBranch), from, out);
        }
      }
    }
  }
}
