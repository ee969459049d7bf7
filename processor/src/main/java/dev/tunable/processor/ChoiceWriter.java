package dev.tunable.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the sealed interface over the hyperparameters records of a sealed type's permitted
 * classes, {@code OptimizerHyperparameters permits SgdHyperparameters, AdamHyperparameters}, so
 * that user code tells the branches apart with {@code instanceof} and the compiler knows every
 * case. Its static methods, which the records of models with such a choice call, move values
 * between a branch, its label, its configuration and a model instance.
 */
final class ChoiceWriter {
  static final String LABEL = "label";
  static final String FROM_CONFIG = "fromConfig";
  static final String OF = "of";
  static final String NEW_INSTANCE = "newInstance";

  private static final ClassName CONFIG = ClassName.get("dev.tunable", "Config");
  private static final ClassName STRING = ClassName.get(String.class);

  private final Optional<AnnotationSpec> generated;

  ChoiceWriter(Optional<AnnotationSpec> generated) {
    this.generated = generated;
  }

  JavaFile write(Domain.Choice choice, TypeElement sealed) {
    ClassName self = choice.family();
    ClassName model = choice.sealedType();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("Hyperparameters of a choice among the permitted classes of {@link $T}:\none"
            + " record per class, which {@code instanceof} tells apart.\n", model)
        .addOriginatingElement(sealed);
    generated.ifPresent(type::addAnnotation);
    Writers.qualifyJavaLangHiddenBy(type, sealed);
    for (Domain.Branch branch : choice.branches()) {
      type.addPermittedSubclass(branch.type().hyperparametersName());
    }
    type.addMethod(MethodSpec.methodBuilder(Names.Member.TO_CONFIG.simpleName())
        .addJavadoc("These values by dimension name, without the choice's prefix.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(CONFIG)
        .build());

    String labels = choice.labels().stream().map(label -> "{@code " + label + "}")
        .collect(Collectors.joining(", "));
    MethodSpec.Builder label = MethodSpec.methodBuilder(LABEL)
        .addJavadoc("The choice {@code values} stand for: $L.\n", labels)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addParameter(self, "values");
    MethodSpec.Builder of = MethodSpec.methodBuilder(OF)
        .addJavadoc("The values {@code model} holds, in the record of its class.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(model, "model");
    MethodSpec.Builder newInstance = MethodSpec.methodBuilder(NEW_INSTANCE)
        .addJavadoc("A new instance of the class {@code values} stand for, with them set.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model)
        .addParameter(self, "values");
    CodeBlock.Builder cases = CodeBlock.builder();
    for (Domain.Branch branch : choice.branches()) {
      ClassName record = branch.type().hyperparametersName();
      ClassName branchModel = Writers.raw(branch.type().modelType());
      label.beginControlFlow("if (values instanceof $T)", record)
          .addStatement("return $S", branch.label())
          .endControlFlow();
      of.beginControlFlow("if (model instanceof $T branch)", branchModel)
          .addStatement("return $T.$N(branch)", record, Names.Member.OF.simpleName())
          .endControlFlow();
      newInstance.beginControlFlow("if (values instanceof $T branch)", record)
          .addStatement("return branch.$N(new $T())", Names.Member.APPLY_TO.simpleName(),
              branchModel)
          .endControlFlow();
      cases.add("case $S -> $T.$N(config);\n", branch.label(), record,
          Names.Member.FROM_CONFIG.simpleName());
    }
    String notABranch = "not a branch of " + model.simpleName() + ": ";
    label.addStatement("throw new $T($S + values)", IllegalArgumentException.class, notABranch);
    of.addStatement("throw new $T($S + model)", IllegalArgumentException.class,
        "not a permitted class of " + model.simpleName() + ": ");
    newInstance.addStatement("throw new $T($S + values)", IllegalArgumentException.class,
        notABranch);
    cases.add("default -> throw new $T($S + label);\n", IllegalArgumentException.class,
        "no choice of " + model.simpleName() + " is ");
    MethodSpec fromConfig = MethodSpec.methodBuilder(FROM_CONFIG)
        .addJavadoc("The branch {@code label} with {@code config}'s values, which are named without"
            + " the\nchoice's prefix.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(STRING, "label")
        .addParameter(CONFIG, "config")
        .addCode("return switch (label) {\n$>$L$<};\n", cases.build())
        .build();
    type.addMethod(label.build());
    type.addMethod(fromConfig);
    type.addMethod(of.build());
    type.addMethod(newInstance.build());
    return Writers.file(self, type.build());
  }
}
