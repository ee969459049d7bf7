package dev.tunable.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.tunable.processor.Names.Member;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Hyperparameters}: a record with one component per hyperparameter, one typed
 * dimension constant per hyperparameter, the {@code SPACE} over them, and the code that moves
 * values between the record, the model, configurations and text. No reflection.
 */
final class HyperparametersWriter {
  private static final String RUNTIME = "dev.tunable";
  private static final ClassName SEARCH_SPACE = ClassName.get(RUNTIME, "SearchSpace");
  private static final ClassName CONFIG = ClassName.get(RUNTIME, "Config");
  private static final ClassName REAL = ClassName.get(RUNTIME, "RealDimension");
  private static final ClassName INTEGER = ClassName.get(RUNTIME, "IntegerDimension");
  private static final ClassName CATEGORICAL = ClassName.get(RUNTIME, "CategoricalDimension");
  private static final ClassName BOOLEAN = ClassName.get(RUNTIME, "BooleanDimension");
  private static final ClassName SCALE = ClassName.get("dev.tunable.annotations", "Scale");
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final ClassName MATH = ClassName.get(Math.class);
  private static final ClassName OBJECTS = ClassName.get(Objects.class);
  private static final TypeName STRING = ClassName.get(String.class);
  private static final ClassName PATH = ClassName.get(Path.class);

  private final Optional<AnnotationSpec> generated;

  HyperparametersWriter(Optional<AnnotationSpec> generated) {
    this.generated = generated;
  }

  JavaFile write(TunableClass model) {
    ClassName self = model.hyperparametersName();
    List<HyperparameterField> fields = model.hyperparameters();
    TypeSpec.Builder record = TypeSpec.recordBuilder(self)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Hyperparameters of {@link $T}.\n", Writers.raw(model.modelType()))
        .addOriginatingElement(model.element());
    generated.ifPresent(record::addAnnotation);
    model.families().forEach(record::addSuperinterface);
    // A field named like a type the code uses (a field "Math") would hide it: qualify such types.
    fields.forEach(field -> record.alwaysQualify(field.field()));
    Writers.qualifyJavaLangHiddenBy(record, model.element());

    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (HyperparameterField field : fields) {
      constructor.addParameter(Writers.component(field.type(), field.field(), field.javadoc()));
      if (!field.type().isPrimitive()) {
        // Null is a programming error, not a value outside the dimension: name it plainly.
        constructor.addStatement("$T.requireNonNull($N, $S)", OBJECTS, field.field(),
            "hyperparameter '" + field.name() + "' must not be null");
      }
      if (!field.isComposite()) {
        constructor.addStatement("$N.check($N)", field.constant(), field.field());
      }
      dimension(field).ifPresent(record::addField);
    }
    record.recordConstructor(constructor.build());
    record.addField(space(model, self, fields));

    for (HyperparameterField field : fields) {
      Writers.accessor(field.type(), field.field(), field.javadoc()).ifPresent(record::addMethod);
    }
    NameAllocator names = Writers.namesAfter(fields.stream().map(HyperparameterField::field).toList());
    record.addMethod(of(model, self, names.clone()));
    record.addMethod(applyTo(model, names.clone()));
    for (HyperparameterField field : fields) {
      record.addMethod(wither(field, self, fields));
    }
    record.addMethod(fromConfig(self, fields, names.clone()));
    record.addMethod(toConfig(model, fields));
    record.addMethod(overriddenByMap(self, names.clone()));
    record.addMethod(overriddenByAssignments(self, names.clone()));
    record.addMethod(parse(model, self, names.clone()));
    record.addMethod(load(model, self, names.clone()));
    return Writers.file(self, record.build());
  }

  /** The field's dimension constant; none for a nested class, whose record has its own. */
  private static Optional<FieldSpec> dimension(HyperparameterField field) {
    // A float or int field's dimension says so (asFloat(), asInt()), so that the runtime holds
    // it to the same rules as the compiler did.
    FieldSpec.Builder constant = field.domain().accept(new Domain.Visitor<FieldSpec.Builder>() {
      @Override
      public FieldSpec.Builder visitReal(Domain.Real real) {
        return dimensionConstant(field, REAL, CodeBlock.of("new $T($S, $L, $L, $T.$L, $L)$L", REAL,
            field.name(), Writers.realLiteral(real.low(), real.isFloat()),
            Writers.realLiteral(real.high(), real.isFloat()), SCALE, real.scale().name(),
            Writers.realLiteral(real.step(), real.isFloat()),
            real.isFloat() ? ".asFloat()" : ""));
      }

      @Override
      public FieldSpec.Builder visitIntegral(Domain.Integral integral) {
        return dimensionConstant(field, INTEGER, CodeBlock.of("new $T($S, $L, $L, $T.$L, $L)$L",
            INTEGER, field.name(), Writers.longLiteral(integral.low()),
            Writers.longLiteral(integral.high()), SCALE, integral.scale().name(),
            Writers.longLiteral(integral.step()),
            field.type().equals(TypeName.INT) ? ".asInt()" : ""));
      }

      @Override
      public FieldSpec.Builder visitCategorical(Domain.Categorical categorical) {
        CodeBlock choices = categorical.labels().stream()
            .map(label -> categorical.enumType() == null
                ? CodeBlock.of("$S", label)
                : CodeBlock.of("$T.$N", categorical.enumType(), label))
            .collect(CodeBlock.joining(", "));
        return dimensionConstant(field, ParameterizedTypeName.get(CATEGORICAL, field.type()),
            CodeBlock.of("new $T<>($S, $T.of($L))", CATEGORICAL, field.name(), LIST, choices));
      }

      @Override
      public FieldSpec.Builder visitBool(Domain.Bool bool) {
        return dimensionConstant(
            field, BOOLEAN, CodeBlock.of("new $T($S)", BOOLEAN, field.name()));
      }

      @Override
      public FieldSpec.Builder visitNested(Domain.Nested nested) {
        return null;
      }

      @Override
      public FieldSpec.Builder visitChoice(Domain.Choice choice) {
        CodeBlock labels = choice.labels().stream()
            .map(label -> CodeBlock.of("$S", label))
            .collect(CodeBlock.joining(", "));
        return dimensionConstant(field, ParameterizedTypeName.get(CATEGORICAL, STRING),
            CodeBlock.of("new $T<>($S, $T.of($L))", CATEGORICAL, field.name(), LIST, labels));
      }
    });
    if (constant == null) {
      return Optional.empty();
    }
    if (!field.description().isEmpty()) {
      constant.addJavadoc("$L\n", Writers.javadocText(field.description()));
    }
    return Optional.of(constant.build());
  }

  private static FieldSpec.Builder dimensionConstant(
      HyperparameterField field, TypeName type, CodeBlock initializer) {
    return FieldSpec.builder(type, field.constant(), Modifier.PUBLIC, Modifier.STATIC,
        Modifier.FINAL).initializer(initializer);
  }

  private static FieldSpec space(
      TunableClass model, ClassName self, List<HyperparameterField> fields) {
    CodeBlock constants = fields.stream()
        .map(field -> CodeBlock.of("$N", field.constant()))
        .collect(CodeBlock.joining(",$W"));
    FieldSpec.Builder space = FieldSpec.builder(ParameterizedTypeName.get(SEARCH_SPACE, self),
        Member.SPACE.simpleName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    List<HyperparameterField> withDefaults =
        fields.stream().filter(field -> field.initialValue().isPresent()).toList();
    if (model.isComposite()) {
      return compositeSpace(model, self, space, withDefaults);
    }
    if (withDefaults.isEmpty()) {
      return space
          .addJavadoc("The search space over every hyperparameter, in declaration order.\n")
          .initializer("$T.of($T::$N, $T::$N,\n$>$>$T.of($L))$<$<", SEARCH_SPACE,
              self, Member.FROM_CONFIG.simpleName(), self, Member.TO_CONFIG.simpleName(), LIST,
              constants)
          .build();
    }
    // The defaults are what the initializers give a fresh model, as the compiler read them: the
    // values of the keys a configuration file leaves out (issue 14).
    CodeBlock.Builder defaults = CodeBlock.builder().add("$T.builder()", CONFIG).indent().indent();
    for (HyperparameterField field : withDefaults) {
      defaults.add("\n.set($N, $L)", field.constant(), literal(field));
    }
    defaults.add("\n.build()").unindent().unindent();
    return space
        .addJavadoc("The search space over every hyperparameter, in declaration order, with the"
            + " values\nthe field initializers of {@link $T} give as defaults.\n",
            Writers.raw(model.modelType()))
        .initializer("$T.of($T::$N, $T::$N,\n$>$>$T.of($L),\n$L)$<$<", SEARCH_SPACE,
            self, Member.FROM_CONFIG.simpleName(), self, Member.TO_CONFIG.simpleName(), LIST,
            constants, defaults.build())
        .build();
  }

  /**
   * A space with nested classes or choices, laid out by the runtime's builder from the records'
   * own spaces: a branch's and a nested class's defaults come with them.
   */
  private static FieldSpec compositeSpace(TunableClass model, ClassName self,
      FieldSpec.Builder space, List<HyperparameterField> withDefaults) {
    CodeBlock.Builder layout = CodeBlock.builder().add("$T.builder()", SEARCH_SPACE).indent().indent();
    for (HyperparameterField field : model.hyperparameters()) {
      if (field.domain() instanceof Domain.Nested nested) {
        layout.add("\n.nested($S, $T.$N)", field.name(), nested.type().hyperparametersName(),
            Member.SPACE.simpleName());
      } else if (field.domain() instanceof Domain.Choice choice) {
        CodeBlock branches = choice.branches().stream()
            .map(branch -> CodeBlock.of("$T.$N", branch.type().hyperparametersName(),
                Member.SPACE.simpleName()))
            .collect(CodeBlock.joining(",$W"));
        layout.add("\n.choice($N,$W$L)", field.constant(), branches);
      } else {
        layout.add("\n.add($N)", field.constant());
      }
    }
    if (!withDefaults.isEmpty()) {
      layout.add("\n.defaults($T.builder()", CONFIG).indent().indent();
      for (HyperparameterField field : withDefaults) {
        layout.add("\n.set($N, $L)", field.constant(), literal(field));
      }
      layout.add("\n.build())").unindent().unindent();
    }
    layout.add("\n.build()").unindent().unindent();
    return space
        .addJavadoc("The search space over every hyperparameter, in declaration order, nested"
            + " classes and choices\nunder dotted names, with the values the field initializers"
            + " of {@link $T} and\nof the classes of its nested and choice fields give as"
            + " defaults.\n", Writers.raw(model.modelType()))
        .initializer("$T.of($T::$N, $T::$N,\n$>$>$L)$<$<", SEARCH_SPACE,
            self, Member.FROM_CONFIG.simpleName(), self, Member.TO_CONFIG.simpleName(),
            layout.build())
        .build();
  }

  /** The initial value of {@code field} as a Java expression of the field's type. */
  private static CodeBlock literal(HyperparameterField field) {
    Object value = field.initialValue().orElseThrow();
    return field.domain().accept(new Domain.Visitor<CodeBlock>() {
      @Override
      public CodeBlock visitReal(Domain.Real real) {
        return CodeBlock.of("$L", Writers.realLiteral((Double) value, real.isFloat()));
      }

      @Override
      public CodeBlock visitIntegral(Domain.Integral integral) {
        return CodeBlock.of("$L", Writers.longLiteral((Long) value));
      }

      @Override
      public CodeBlock visitCategorical(Domain.Categorical categorical) {
        return categorical.enumType() == null
            ? CodeBlock.of("$S", value)
            : CodeBlock.of("$T.$N", categorical.enumType(), (String) value);
      }

      @Override
      public CodeBlock visitBool(Domain.Bool bool) {
        return CodeBlock.of("$L", value);
      }

      @Override
      public CodeBlock visitNested(Domain.Nested nested) {
        throw new IllegalStateException("a nested class has no initial value of its own");
      }

      @Override
      public CodeBlock visitChoice(Domain.Choice choice) {
        return CodeBlock.of("$S", value);
      }
    });
  }

  private static MethodSpec of(TunableClass model, ClassName self, NameAllocator names) {
    String instance = names.newName("model");
    CodeBlock values = model.hyperparameters().stream()
        .map(field -> readField(model, field, instance))
        .collect(CodeBlock.joining(",$W"));
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.OF.simpleName())
        .addJavadoc("The values {@code $N} holds; for a fresh model, its defaults.\n", instance);
    if (model.isComposite()) {
      method.addJavadoc("\n@throws NullPointerException if a nested or choice field is null\n");
    }
    return method
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(model.modelType(), instance)
        .addStatement("return new $T($L)", self, values)
        .build();
  }

  /**
   * {@code model.rate}, or the record of a nested or choice field's current instance, which must
   * not be null.
   */
  private static CodeBlock readField(TunableClass model, HyperparameterField field,
      String instance) {
    if (!field.isComposite()) {
      return CodeBlock.of("$N.$N", instance, field.field());
    }
    CodeBlock value = CodeBlock.of("$T.requireNonNull($N.$N, $S)", OBJECTS, instance,
        field.field(), "field '" + field.field() + "' of " + model.simpleName()
            + " is null, but hyperparameter '" + field.name() + "' needs an instance");
    return field.domain() instanceof Domain.Nested nested
        ? CodeBlock.of("$T.$N($L)", nested.type().hyperparametersName(), Member.OF.simpleName(),
            value)
        : CodeBlock.of("$T.$N($L)", ((Domain.Choice) field.domain()).family(),
            ChoiceWriter.OF, value);
  }

  private static MethodSpec applyTo(TunableClass model, NameAllocator names) {
    String instance = names.newName("model");
    TypeVariableName type = Writers.typeVariable(model, "M");
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.APPLY_TO.simpleName())
        .addJavadoc(model.isComposite()
            ? "Sets these values on {@code $N}'s fields and returns it; a nested or choice field gets"
                + "\na new instance of its class with that class's values set.\n"
            : "Sets these values on {@code $N}'s fields and returns it.\n", instance)
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(type)
        .returns(type)
        .addParameter(type, instance);
    for (HyperparameterField field : model.hyperparameters()) {
      if (field.domain() instanceof Domain.Nested nested) {
        method.addStatement("$N.$N = this.$N.$N(new $T())", instance, field.field(), field.field(),
            Member.APPLY_TO.simpleName(), Writers.raw(nested.type().modelType()));
      } else if (field.domain() instanceof Domain.Choice choice) {
        method.addStatement("$N.$N = $T.$N(this.$N)", instance, field.field(), choice.family(),
            ChoiceWriter.NEW_INSTANCE, field.field());
      } else {
        method.addStatement("$N.$N = this.$N", instance, field.field(), field.field());
      }
    }
    return method.addStatement("return $N", instance).build();
  }

  private static MethodSpec wither(HyperparameterField changed, ClassName self,
      List<HyperparameterField> fields) {
    CodeBlock values = fields.stream()
        .map(field -> field == changed
            ? CodeBlock.of("$N", field.field())
            : CodeBlock.of("this.$N", field.field()))
        .collect(CodeBlock.joining(",$W"));
    return MethodSpec.methodBuilder(Names.wither(changed.field()))
        .addJavadoc("A copy with {@code $N} replaced.\n", changed.field())
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(changed.type(), changed.field())
        .addStatement("return new $T($L)", self, values)
        .build();
  }

  private static MethodSpec fromConfig(ClassName self, List<HyperparameterField> fields,
      NameAllocator names) {
    String config = names.newName("config");
    CodeBlock values = fields.stream()
        .map(field -> read(field, config))
        .collect(CodeBlock.joining(",\n"));
    // A choice's branch is read from the values under its dotted prefix.
    return MethodSpec.methodBuilder(Member.FROM_CONFIG.simpleName())
        .addJavadoc("The values of {@code $N}, each checked against its dimension.\n", config)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(CONFIG, config)
        .addStatement(fields.isEmpty() ? "return new $T($L)" : "return new $T(\n$L)", self, values)
        .build();
  }

  private static CodeBlock read(HyperparameterField field, String config) {
    if (field.domain() instanceof Domain.Nested nested) {
      return CodeBlock.of("$T.$N($N.under($S))", nested.type().hyperparametersName(),
          Member.FROM_CONFIG.simpleName(), config, field.name());
    }
    if (field.domain() instanceof Domain.Choice choice) {
      return CodeBlock.of("$T.$N($N.get($N), $N.under($S + $N.get($N)))", choice.family(),
          ChoiceWriter.FROM_CONFIG, config, field.constant(), config, field.name() + ".", config,
          field.constant());
    }
    CodeBlock value = CodeBlock.of("$N.get($N)", config, field.constant());
    if (field.type().equals(TypeName.INT)) {
      return CodeBlock.of("$T.toIntExact($L)", MATH, value); // the range fits an int: checked
    }
    if (field.type().equals(TypeName.FLOAT)) {
      return CodeBlock.of("$L.floatValue()", value); // bounds are floats: rounding stays inside
    }
    return value;
  }

  private static MethodSpec toConfig(TunableClass model, List<HyperparameterField> fields) {
    CodeBlock.Builder body = CodeBlock.builder().add("return $T.builder()", CONFIG);
    for (HyperparameterField field : fields) {
      if (field.domain() instanceof Domain.Nested) {
        body.add("\n.setAll($S, this.$N.$N())", field.name(), field.field(),
            Member.TO_CONFIG.simpleName());
      } else if (field.domain() instanceof Domain.Choice choice) {
        CodeBlock label = CodeBlock.of("$T.$N(this.$N)", choice.family(), ChoiceWriter.LABEL,
            field.field());
        body.add("\n.set($N, $L)", field.constant(), label);
        body.add("\n.setAll($S + $L, this.$N.$N())", field.name() + ".", label, field.field(),
            Member.TO_CONFIG.simpleName());
      } else {
        body.add("\n.set($N, this.$N)", field.constant(), field.field());
      }
    }
    body.add("\n.build()");
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.TO_CONFIG.simpleName())
        .addJavadoc("These values by dimension name.\n");
    if (!model.families().isEmpty()) {
      method.addAnnotation(Override.class);
    }
    return method
        .addModifiers(Modifier.PUBLIC)
        .returns(CONFIG)
        .addStatement("$L", body.build())
        .build();
  }

  private static MethodSpec overriddenByMap(ClassName self, NameAllocator names) {
    String overrides = names.newName("overrides");
    return MethodSpec.methodBuilder(Member.OVERRIDDEN_BY.simpleName())
        .addJavadoc("A copy with the values named in {@code $N} parsed from their text.\n\n", overrides)
        .addJavadoc("@throws IllegalArgumentException naming every unknown key and invalid value\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(ParameterizedTypeName.get(MAP, STRING, STRING), overrides)
        .addStatement("return $L", override(overrides))
        .build();
  }

  private static MethodSpec overriddenByAssignments(ClassName self, NameAllocator names) {
    String assignments = names.newName("assignments");
    return MethodSpec.methodBuilder(Member.OVERRIDDEN_BY.simpleName())
        .addJavadoc("A copy with command-line style {@code key=value} $N applied.\n\n", assignments)
        .addJavadoc("@throws IllegalArgumentException naming every malformed assignment, unknown key"
            + " and invalid value\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(ArrayTypeName.of(STRING), assignments)
        .varargs(true)
        .addStatement("return $L", override(assignments))
        .build();
  }

  /** {@code SPACE.create(SPACE.override(toConfig(), overrides))}. */
  private static CodeBlock override(String overrides) {
    return CodeBlock.of("$N.create($N.override($N(), $N))", Member.SPACE.simpleName(),
        Member.SPACE.simpleName(), Member.TO_CONFIG.simpleName(), overrides);
  }

  private static MethodSpec parse(TunableClass model, ClassName self, NameAllocator names) {
    String values = names.newName("values");
    return MethodSpec.methodBuilder(Member.PARSE.simpleName())
        .addJavadoc("Reads the hyperparameters from text, as in a properties file.\n$L\n\n",
            defaultsSentence(model))
        .addJavadoc("@throws IllegalArgumentException naming every unknown or invalid key, and"
            + " every missing key\n    without a default\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(ParameterizedTypeName.get(MAP, STRING, STRING), values)
        .addStatement("return $N.create($N.parse($N))", Member.SPACE.simpleName(),
            Member.SPACE.simpleName(), values)
        .build();
  }

  private static MethodSpec load(TunableClass model, ClassName self, NameAllocator names) {
    String file = names.newName("file");
    return MethodSpec.methodBuilder(Member.LOAD.simpleName())
        .addJavadoc("Reads a configuration file: JSON ({@code *.json}) or Java properties in UTF-8"
            + "\n({@code *.properties}).\n$L\n\n", defaultsSentence(model))
        .addJavadoc("@throws $T if the file cannot be read\n", IOException.class)
        .addJavadoc("@throws IllegalArgumentException listing every problem in the file, each with"
            + " its line\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(PATH, file)
        .addException(IOException.class)
        .addStatement("return $N.create($N.load($N))", Member.SPACE.simpleName(),
            Member.SPACE.simpleName(), file)
        .build();
  }

  /** What a key left out of a configuration becomes, with the keys that must be given. */
  private static CodeBlock defaultsSentence(TunableClass model) {
    List<String> required = model.hyperparameters().stream()
        .filter(field -> field.initialValue().isEmpty() && !(field.domain() instanceof Domain.Nested))
        .map(HyperparameterField::name)
        .toList();
    CodeBlock leftOut = CodeBlock.of("A key left out takes its default in {@link #$N}",
        Member.SPACE.simpleName());
    if (required.isEmpty()) {
      return CodeBlock.of("$L.", leftOut);
    }
    return CodeBlock.of("$L, but $L $L no default\n(no constant initializer) and must be given.",
        leftOut,
        required.stream().map(name -> "{@code " + name + "}").collect(Collectors.joining(", ")),
        required.size() == 1 ? "has" : "have");
  }
}
