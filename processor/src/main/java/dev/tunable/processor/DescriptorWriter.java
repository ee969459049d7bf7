package dev.tunable.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the two JSON files of a class under {@code META-INF/tunable/}: the descriptor, which
 * tools read to learn the class's hyperparameters and learned state, and a JSON Schema (draft
 * 2020-12) of a configuration file for the class, which lets an IDE complete and check one.
 * Nested classes and choices are flat there, under dotted names; a choice's branch keys are allowed
 * only while it is chosen, in the file or by default, as {@code load} allows them.
 */
final class DescriptorWriter {
  static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

  String descriptor(TunableClass model) {
    Json json = new Json().beginObject();
    json.name("class").value(model.element().getQualifiedName().toString());
    json.name("binaryName").value(model.binaryName());
    if (!model.hyperparameters().isEmpty()) {
      json.name("hyperparametersClass").value(model.hyperparametersName().canonicalName());
    }
    if (!model.learned().isEmpty()) {
      json.name("parametersClass").value(model.parametersName().canonicalName());
    }
    json.name("hyperparameters").beginArray();
    for (FlatSpace.Entry entry : FlatSpace.of(model.hyperparameters())) {
      hyperparameter(json, entry);
    }
    json.endArray();
    json.name("learned").beginArray();
    for (LearnedField field : model.learned()) {
      json.beginObject()
          .name("field").value(field.field())
          .name("javaType").value(field.type().toString())
          .name("copy").value(copy(field))
          .endObject();
    }
    json.endArray();
    return json.endObject().finish();
  }

  /** How {@code capture} and {@code restore} copy the field. */
  private static String copy(LearnedField field) {
    if (field.isPrimitiveArray()) {
      return "deep";
    }
    if (field.codec().isPresent()) {
      return "codec";
    }
    return field.primitive() ? "value" : "reference";
  }

  private static void hyperparameter(Json json, FlatSpace.Entry entry) {
    HyperparameterField field = entry.field();
    json.beginObject();
    json.name("name").value(entry.name());
    json.name("field").value(field.field());
    json.name("javaType").value(field.domain() instanceof Domain.Choice choice
        ? choice.sealedType().canonicalName() : field.type().toString());
    field.domain().accept(new Domain.Visitor<Json>() {
      @Override
      public Json visitReal(Domain.Real real) {
        json.name("dimension").value("real");
        json.name("min").number(real(real.low(), real.isFloat()));
        json.name("max").number(real(real.high(), real.isFloat()));
        json.name("scale").value(real.scale().name());
        if (real.step() > 0) {
          json.name("step").number(real(real.step(), real.isFloat()));
        }
        return json;
      }

      @Override
      public Json visitIntegral(Domain.Integral integral) {
        json.name("dimension").value("integer");
        json.name("min").number(Long.toString(integral.low()));
        json.name("max").number(Long.toString(integral.high()));
        json.name("scale").value(integral.scale().name());
        return json.name("step").number(Long.toString(integral.step()));
      }

      @Override
      public Json visitCategorical(Domain.Categorical categorical) {
        json.name("dimension").value("categorical");
        return json.name("choices").strings(categorical.labels());
      }

      @Override
      public Json visitBool(Domain.Bool bool) {
        return json.name("dimension").value("boolean");
      }

      @Override
      public Json visitNested(Domain.Nested nested) {
        throw new IllegalStateException("a nested class is flattened into its dimensions");
      }

      @Override
      public Json visitChoice(Domain.Choice choice) {
        json.name("dimension").value("categorical");
        json.name("choices").strings(choice.labels());
        json.name("branches").beginObject();
        for (Domain.Branch branch : choice.branches()) {
          json.name(branch.label()).value(branch.type().element().getQualifiedName().toString());
        }
        return json.endObject();
      }
    });
    field.initialValue().ifPresent(value -> initial(json.name("default"), field, value));
    if (!field.description().isEmpty()) {
      json.name("description").value(field.description());
    }
    if (!entry.conditions().isEmpty()) {
      FlatSpace.Condition condition = entry.conditions().get(entry.conditions().size() - 1);
      json.name("condition").beginObject()
          .name("parent").value(condition.parent())
          .name("labels").strings(List.of(condition.label()))
          .endObject();
    }
    json.endObject();
  }

  String schema(TunableClass model) {
    Json json = new Json().beginObject();
    json.name("$schema").value(SCHEMA_DIALECT);
    json.name("$id").value("urn:tunable:" + model.binaryName());
    json.name("title").value("Hyperparameters of " + model.element().getQualifiedName());
    json.name("type").value("object");
    json.name("properties").beginObject();
    List<FlatSpace.Entry> entries = FlatSpace.of(model.hyperparameters());
    for (FlatSpace.Entry entry : entries) {
      json.name(entry.name()).beginObject();
      property(json, entry.field());
      json.endObject();
    }
    json.endObject();
    // A key left out of a file takes its field's initial value, as load and parse do; a field
    // whose initializer is not a constant has no default, and its key must be given.
    List<String> required = entries.stream()
        .filter(entry -> entry.conditions().isEmpty() && entry.field().initialValue().isEmpty())
        .map(FlatSpace.Entry::name)
        .toList();
    if (!required.isEmpty()) {
      json.name("required").strings(required);
    }
    json.name("additionalProperties").value(false);
    if (entries.stream().anyMatch(entry -> !entry.conditions().isEmpty())) {
      branches(json, entries);
    }
    return json.endObject().finish();
  }

  /**
   * One rule per branch key: given, its branch must be chosen; and one per branch: chosen, its
   * keys without defaults must be given. A choice left out of the file is its default.
   */
  private static void branches(Json json, List<FlatSpace.Entry> entries) {
    Map<String, Object> defaults = new HashMap<>();
    entries.forEach(entry -> entry.field().initialValue()
        .ifPresent(value -> defaults.put(entry.name(), value)));
    Map<List<FlatSpace.Condition>, List<String>> requiredInBranch = new LinkedHashMap<>();
    json.name("allOf").beginArray();
    for (FlatSpace.Entry entry : entries) {
      if (entry.conditions().isEmpty()) {
        continue;
      }
      json.beginObject().name("if").beginObject().name("required").strings(List.of(entry.name()))
          .endObject();
      chosen(json.name("then"), entry.conditions(), defaults);
      json.endObject();
      if (entry.field().initialValue().isEmpty()) {
        requiredInBranch.computeIfAbsent(entry.conditions(), c -> new ArrayList<>())
            .add(entry.name());
      }
    }
    requiredInBranch.forEach((conditions, names) -> {
      json.beginObject();
      chosen(json.name("if"), conditions, defaults);
      json.name("then").beginObject().name("required").strings(names).endObject();
      json.endObject();
    });
    json.endArray();
  }

  /** A schema that holds when every condition holds, each choice given or left to its default. */
  private static void chosen(Json json, List<FlatSpace.Condition> conditions,
      Map<String, Object> defaults) {
    json.beginObject().name("allOf").beginArray();
    for (FlatSpace.Condition condition : conditions) {
      json.beginObject().name("properties").beginObject()
          .name(condition.parent()).beginObject().name("const").value(condition.label()).endObject()
          .endObject();
      if (!condition.label().equals(defaults.get(condition.parent()))) {
        json.name("required").strings(List.of(condition.parent()));
      }
      json.endObject();
    }
    json.endArray().endObject();
  }

  private static void property(Json json, HyperparameterField field) {
    field.domain().accept(new Domain.Visitor<Json>() {
      @Override
      public Json visitReal(Domain.Real real) {
        json.name("type").value("number");
        json.name("minimum").number(real(real.low(), real.isFloat()));
        json.name("maximum").number(real(real.high(), real.isFloat()));
        // multipleOf counts from 0 and the grid from the lower bound: exact only when they agree.
        // Validators take the step as written (0.1 is a tenth, in decimal), as does the runtime,
        // which allows a value within rounding of the grid.
        if (real.step() > 0 && isNearlyWhole(real.low() / real.step())) {
          json.name("multipleOf").number(isWhole(real.step()) ? Long.toString((long) real.step())
              : real(real.step(), real.isFloat()));
        }
        return json;
      }

      @Override
      public Json visitIntegral(Domain.Integral integral) {
        json.name("type").value("integer");
        json.name("minimum").number(Long.toString(integral.low()));
        json.name("maximum").number(Long.toString(integral.high()));
        // multipleOf counts from 0 and the grid from the lower bound: exact only when they agree.
        if (integral.step() > 1 && integral.low() % integral.step() == 0) {
          json.name("multipleOf").number(Long.toString(integral.step()));
        }
        return json;
      }

      @Override
      public Json visitCategorical(Domain.Categorical categorical) {
        return json.name("enum").strings(categorical.labels());
      }

      @Override
      public Json visitBool(Domain.Bool bool) {
        return json.name("type").value("boolean");
      }

      @Override
      public Json visitNested(Domain.Nested nested) {
        throw new IllegalStateException("a nested class is flattened into its dimensions");
      }

      @Override
      public Json visitChoice(Domain.Choice choice) {
        return json.name("enum").strings(choice.labels());
      }
    });
    if (!field.description().isEmpty()) {
      json.name("description").value(field.description());
    }
    field.initialValue().ifPresent(value -> initial(json.name("default"), field, value));
  }

  private static void initial(Json json, HyperparameterField field, Object value) {
    if (value instanceof Boolean flag) {
      json.value(flag);
    } else if (value instanceof String label) {
      json.value(label);
    } else if (value instanceof Long whole) {
      json.number(Long.toString(whole));
    } else {
      boolean isFloat = field.domain() instanceof Domain.Real real && real.isFloat();
      json.number(real(((Number) value).doubleValue(), isFloat));
    }
  }

  private static String real(double value, boolean isFloat) {
    return isFloat ? Float.toString((float) value) : Double.toString(value);
  }

  private static boolean isWhole(double value) {
    return value == Math.rint(value) && Math.abs(value) < 0x1p53;
  }

  /** Whether {@code ratio}, a quotient, is a whole number but for the rounding of the division. */
  private static boolean isNearlyWhole(double ratio) {
    return Math.abs(ratio - Math.rint(ratio)) <= 1e-9 * Math.max(1, Math.abs(ratio));
  }
}
