package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Runs the validators over one class and, when they find nothing, builds its {@link TunableClass}.
 * Fields of annotated superclasses come first, as they are initialized first.
 */
final class TunableClassReader implements CompositeTypes.Parts {
  private final Elements elements;
  private final HyperparameterValidator hyperparameters;
  private final LearnedValidator learned;
  private final ClassValidator classes;
  /** The classes being read, the innermost first: a nested class among them is a cycle. */
  private final Deque<TypeElement> reading = new ArrayDeque<>();

  TunableClassReader(Elements elements, HyperparameterValidator hyperparameters,
      LearnedValidator learned, ClassValidator classes) {
    this.elements = elements;
    this.hyperparameters = hyperparameters;
    this.learned = learned;
    this.classes = classes;
  }

  /** The annotated fields of {@code type} and its superclasses, superclasses' first. */
  static List<VariableElement> annotatedFields(TypeElement type) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      chain.addFirst(t);
    }
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement t : chain) {
      fields.addAll(declaredAnnotatedFields(t));
    }
    return fields;
  }

  static List<VariableElement> declaredAnnotatedFields(TypeElement type) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (Mirrors.has(field, Names.HYPERPARAMETER) || Mirrors.has(field, Names.LEARNED)) {
        fields.add(field);
      }
    }
    return fields;
  }

  static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /**
   * A field whose type (or superclass) is not there yet, perhaps because another processor
   * generates it in a later round; empty when everything resolved.
   */
  static Optional<VariableElement> unresolved(TypeElement type) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (t.getSuperclass().getKind() == TypeKind.ERROR) {
        return declaredAnnotatedFields(type).stream().findFirst();
      }
    }
    for (VariableElement field : annotatedFields(type)) {
      if (hasError(field.asType())) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static boolean hasError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return hasError(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).getTypeArguments().stream().anyMatch(TunableClassReader::hasError);
    }
    return false;
  }

  /**
   * The class's model, with the choices it is a branch of, or empty when {@code report} holds
   * errors.
   */
  Optional<TunableClass> read(TypeElement type, Set<String> generatedSoFar, Report report) {
    reading.push(type);
    Optional<TunableClass> model;
    try {
      model = readClass(type, generatedSoFar, report);
    } finally {
      reading.pop();
    }
    return model.map(m -> m.withFamilies(families(type)));
  }

  /** The generated interfaces of the choices {@code type} is a branch of. */
  List<ClassName> families(TypeElement type) {
    return familiesOf(type).stream().map(Domain.Choice::family).toList();
  }

  /** The choices {@code type} is a branch of. */
  List<Domain.Choice> familiesOf(TypeElement type) {
    return hyperparameters.composites().familiesOf(type, this);
  }

  /**
   * The class of a nested field or a branch, read like a model but for the generated name, which
   * its own processing (or the choice's) claims; a class already being read is a cycle.
   */
  @Override
  public Optional<TunableClass> read(TypeElement type, String field, Element at, Report report) {
    if (reading.contains(type)) {
      List<String> cycle = new ArrayList<>();
      for (TypeElement t : (Iterable<TypeElement>) reading::descendingIterator) {
        if (!cycle.isEmpty() || t.equals(type)) {
          cycle.add(t.getSimpleName().toString());
        }
      }
      cycle.add(type.getSimpleName().toString());
      report.error(Message.NESTED_CYCLE, at, field, String.join(" holds ", cycle));
      return Optional.empty();
    }
    reading.push(type);
    try {
      return readClass(type, null, report);
    } finally {
      reading.pop();
    }
  }

  /** @param generatedSoFar null for a class read as part of another */
  private Optional<TunableClass> readClass(
      TypeElement type, Set<String> generatedSoFar, Report report) {
    ClassName hyperparametersName = Names.hyperparameters(type);
    ClassName parametersName = Names.parameters(type);
    classes.checkReachable(type, hyperparametersName, report);
    List<VariableElement> fields = classes.checkNoHiddenFields(annotatedFields(type), report);
    classes.checkNotHiddenByPlainFields(type, fields, report);

    List<HyperparameterField> hyperparameterFields = new ArrayList<>();
    List<LearnedField> learnedFields = new ArrayList<>();
    Map<HyperparameterField, VariableElement> hyperparameterElements = new IdentityHashMap<>();
    Map<LearnedField, VariableElement> learnedElements = new IdentityHashMap<>();
    for (VariableElement field : fields) {
      Optional<AnnotationMirror> hyperparameter = Mirrors.find(field, Names.HYPERPARAMETER);
      Optional<AnnotationMirror> learnedMirror = Mirrors.find(field, Names.LEARNED);
      if (hyperparameter.isPresent() && learnedMirror.isPresent()) {
        classes.checkBothAnnotations(field, report);
      } else if (hyperparameter.isPresent()) {
        hyperparameters.validate(field, hyperparameter.get(), type, hyperparametersName, this,
                report)
            .ifPresent(model -> {
              hyperparameterFields.add(model);
              hyperparameterElements.put(model, field);
            });
      } else {
        learned.validate(field, learnedMirror.orElseThrow(), type, parametersName, report)
            .ifPresent(model -> {
              learnedFields.add(model);
              learnedElements.put(model, field);
            });
      }
    }
    classes.checkHyperparameterNames(
        hyperparameterFields, hyperparameterElements, hyperparametersName, report);
    classes.checkDottedNames(hyperparameterFields, hyperparameterElements, report);
    classes.checkLearnedNames(learnedFields, learnedElements, parametersName, report);
    boolean hasHyperparameters = fields.stream().anyMatch(f -> Mirrors.has(f, Names.HYPERPARAMETER));
    boolean hasLearned = fields.stream().anyMatch(f -> Mirrors.has(f, Names.LEARNED));
    if (hasHyperparameters && generatedSoFar != null) {
      classes.checkNameFree(type, hyperparametersName, generatedSoFar, report);
      classes.checkRuntimePresent(type, hyperparametersName, report);
    }
    if (hasLearned && generatedSoFar != null) {
      classes.checkNameFree(type, parametersName, generatedSoFar, report);
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    return Optional.of(new TunableClass(type, modelType(type),
        elements.getBinaryName(type).toString(), hyperparametersName, parametersName,
        hyperparameterFields, learnedFields, List.of()));
  }

  /**
   * {@code Model}, or {@code Model<?, ?>} for a generic class, and {@code Outer<?>.Inner} for an
   * inner class of a generic one, so that generated code has no raw types.
   */
  private static TypeName modelType(TypeElement type) {
    List<TypeName> wildcards = type.getTypeParameters().stream()
        .map(parameter -> (TypeName) WildcardTypeName.subtypeOf(Object.class))
        .toList();
    if (!type.getModifiers().contains(Modifier.STATIC)
        && type.getEnclosingElement() instanceof TypeElement outer
        && outer.getKind().isClass() && type.getKind().isClass()
        && modelType(outer) instanceof ParameterizedTypeName outerType) {
      return outerType.nestedClass(type.getSimpleName().toString(), wildcards);
    }
    ClassName name = ClassName.get(type);
    return wildcards.isEmpty()
        ? name
        : ParameterizedTypeName.get(name, wildcards.toArray(TypeName[]::new));
  }
}
