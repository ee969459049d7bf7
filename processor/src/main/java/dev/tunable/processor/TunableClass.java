package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The model of one annotated class, valid and complete: what every writer needs and nothing it
 * must look up again. Fields of annotated superclasses come first.
 *
 * @param element the class, the originating element of everything generated for it
 * @param modelType the class as generated code names it (with wildcards if it is generic)
 * @param binaryName the class's binary name, which names its descriptor files
 * @param hyperparametersName the generated hyperparameters record
 * @param parametersName the generated parameters record
 * @param families the generated sealed interfaces of the choices the class is a branch of, which
 *     its hyperparameters record implements
 */
record TunableClass(
    TypeElement element,
    TypeName modelType,
    String binaryName,
    ClassName hyperparametersName,
    ClassName parametersName,
    List<HyperparameterField> hyperparameters,
    List<LearnedField> learned,
    List<ClassName> families) {

  TunableClass {
    hyperparameters = List.copyOf(hyperparameters);
    learned = List.copyOf(learned);
    families = List.copyOf(families);
  }

  TunableClass withFamilies(List<ClassName> families) {
    return new TunableClass(element, modelType, binaryName, hyperparametersName, parametersName,
        hyperparameters, learned, families);
  }

  /** Whether a field is a nested space or a choice, which the space is built from with the builder. */
  boolean isComposite() {
    return hyperparameters.stream().anyMatch(HyperparameterField::isComposite);
  }

  /** The class's simple name as the Javadoc of generated code links it. */
  String simpleName() {
    return element.getSimpleName().toString();
  }
}
