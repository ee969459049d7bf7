package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import dev.tunable.internal.rules.DimensionRules;
import dev.tunable.internal.rules.Rule;
import dev.tunable.internal.rules.Text;
import dev.tunable.internal.rules.Violation;
import dev.tunable.processor.Names.Output;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The rules that look at a class as a whole rather than at one field: whether generated code can
 * reach it, fields that clash with each other or with generated members, and generated names that
 * are taken.
 */
final class ClassValidator {
  /**
   * The names the generated records' own members take, so that no component may have them; derived
   * from the members {@link Names} declares, which the writers write.
   */
  private static final Set<String> RESERVED_IN_HYPERPARAMETERS =
      Names.reservedComponentNames(Output.HYPERPARAMETERS);
  private static final Set<String> RESERVED_IN_PARAMETERS =
      Names.reservedComponentNames(Output.PARAMETERS);
  private static final Set<String> RESERVED_CONSTANTS = Names.reservedConstantNames();

  private final Elements elements;
  private final Trees trees;

  ClassValidator(Elements elements, Trees trees) {
    this.elements = elements;
    this.trees = trees;
  }

  /** A private class, or one inside a private or local class, cannot be named from its package. */
  void checkReachable(TypeElement model, ClassName generated, Report report) {
    for (Element e = model; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!(e instanceof TypeElement type)) {
        continue;
      }
      String why = null;
      String fix = null;
      if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
        why = type == model ? "a local class" : "inside local class " + type.getSimpleName();
        fix = "move it out of the method";
      } else if (type.getModifiers().contains(Modifier.PRIVATE)) {
        why = type == model ? "private" : "inside private class " + type.getSimpleName();
        fix = "remove 'private' from " + type.getSimpleName();
      }
      if (why != null) {
        report.error(Message.UNREACHABLE_CLASS, model, model.getQualifiedName(), why,
            generated.simpleName(), fix);
        return;
      }
    }
  }

  /**
   * A subclass field that hides an annotated superclass field of the same name; returns the
   * fields without the hidden ones, so that the clash is reported once rather than as a duplicate
   * name too.
   */
  List<VariableElement> checkNoHiddenFields(List<VariableElement> fields, Report report) {
    Map<String, VariableElement> byName = new LinkedHashMap<>();
    for (VariableElement field : fields) {
      VariableElement hidden = byName.put(field.getSimpleName().toString(), field);
      if (hidden != null) {
        report.error(Message.HIDDEN_FIELD, field, field.getSimpleName(),
            hidden.getEnclosingElement().getSimpleName());
      }
    }
    return List.copyOf(byName.values());
  }

  /**
   * An inherited annotated field that a plain field of a class between it and the model hides, or
   * that an interface constant makes ambiguous: the generated code writes {@code model.name},
   * which would then reach the other field (or not compile).
   */
  void checkNotHiddenByPlainFields(TypeElement model, List<VariableElement> fields, Report report) {
    for (VariableElement field : fields) {
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      for (TypeElement t = model; t != null && !t.equals(owner);
          t = TunableClassReader.superclass(t)) {
        Optional<VariableElement> hiding = fieldNamed(t, field.getSimpleName());
        if (hiding.isPresent()) {
          // Worded without the generated name: a subclass reports the same field once more.
          report.error(Message.HIDDEN_INHERITED_FIELD, hiding.get(), hiding.get().getSimpleName(),
              hiding.get().getEnclosingElement().getSimpleName(),
              Mirrors.has(field, Names.HYPERPARAMETER) ? "@Hyperparameter" : "@Learned",
              owner.getSimpleName());
          break;
        }
      }
    }
  }

  /**
   * The plain field named {@code name} that {@code type} declares, or else one of its
   * superinterfaces does, which a reference through {@code type} meets before a superclass's
   * field; annotated fields hiding each other are {@link #checkNoHiddenFields}' concern.
   */
  private static Optional<VariableElement> fieldNamed(TypeElement type, CharSequence name) {
    for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (f.getSimpleName().contentEquals(name)) {
        return Mirrors.has(f, Names.HYPERPARAMETER) || Mirrors.has(f, Names.LEARNED)
            ? Optional.empty()
            : Optional.of(f);
      }
    }
    for (TypeMirror superinterface : type.getInterfaces()) {
      Optional<VariableElement> found =
          fieldNamed((TypeElement) ((DeclaredType) superinterface).asElement(), name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  void checkBothAnnotations(VariableElement field, Report report) {
    if (Mirrors.has(field, Names.HYPERPARAMETER) && Mirrors.has(field, Names.LEARNED)) {
      report.error(Message.BOTH_ANNOTATIONS, field,
          Mirrors.find(field, Names.LEARNED).orElseThrow(), field.getSimpleName());
    }
  }

  /** Dimension names, constants and record components must not clash. */
  void checkHyperparameterNames(List<HyperparameterField> fields,
      Map<HyperparameterField, VariableElement> elementsOf, ClassName generated, Report report) {
    Map<String, HyperparameterField> byName = new HashMap<>();
    Map<String, HyperparameterField> byConstant = new HashMap<>();
    Map<String, HyperparameterField> byWither = new HashMap<>();
    fields.forEach(field -> byWither.put(Names.wither(field.field()), field));
    for (HyperparameterField field : fields) {
      VariableElement element = elementsOf.get(field);
      HyperparameterField sameName = byName.putIfAbsent(field.name(), field);
      if (sameName != null) {
        report.error(Message.DUPLICATE_NAME, element, sameName.field(), field.field(), field.name());
      }
      HyperparameterField sameConstant = byConstant.putIfAbsent(field.constant(), field);
      if (sameConstant != null) {
        report.error(Message.CONSTANT_CLASH, element, sameConstant.field(), field.field(),
            field.constant(), generated.simpleName());
      }
      if (field.constant().equals(field.field())) {
        report.error(Message.FIELD_NAMED_LIKE_CONSTANT, element, field.field(), generated.simpleName());
      }
      if (RESERVED_CONSTANTS.contains(field.constant())) {
        report.error(Message.RESERVED_NAME, element, field.field(), "the constant " + field.constant(),
            generated.simpleName());
      }
      if (RESERVED_IN_HYPERPARAMETERS.contains(field.field())) {
        report.error(Message.RESERVED_NAME, element, field.field(), field.field() + "()",
            generated.simpleName());
      }
      HyperparameterField replaced = byWither.get(field.field());
      if (replaced != null) {
        report.error(Message.RESERVED_NAME, element, field.field(),
            field.field() + "(), the wither of '" + replaced.field() + "',", generated.simpleName());
      }
    }
  }

  /**
   * The dotted names of nested classes and choices must not meet another dimension's name, such
   * as a field named {@code "optimizer.adam.beta1"} beside the choice {@code optimizer}.
   */
  void checkDottedNames(List<HyperparameterField> fields,
      Map<HyperparameterField, VariableElement> elementsOf, Report report) {
    Map<String, FlatSpace.Entry> byName = new HashMap<>();
    for (FlatSpace.Entry entry : FlatSpace.of(fields)) {
      FlatSpace.Entry same = byName.putIfAbsent(entry.name(), entry);
      boolean dotted = entry.top() != entry.field() || same != null && same.top() != same.field();
      if (same != null && same.top() != entry.top() && dotted) {
        report.error(Message.DOTTED_NAME_CLASH, elementsOf.get(entry.top()), entry.top().field(),
            entry.name(), same.top().field());
      }
      if (entry.top() != entry.field()) {
        checkDottedName(entry, elementsOf.get(entry.top()), report);
      }
    }
  }

  /**
   * A dotted name is a configuration key too; a label or a name within the limits alone may
   * still make one that is not (a class named {@code Adam$2}, a name too long once dotted).
   */
  private static void checkDottedName(FlatSpace.Entry entry, VariableElement element,
      Report report) {
    String field = entry.top().field();
    for (Violation violation : DimensionRules.name(entry.name())) {
      if (violation.rule() == Rule.NAME_TOO_LONG) {
        report.error(Message.NAME_TOO_LONG, element, Text.shown(field), Text.shown(entry.name()),
            Text.tooLong(entry.name()));
      } else {
        report.error(Message.of(violation.rule()), element, field, entry.name());
      }
    }
  }

  void checkLearnedNames(List<LearnedField> fields, Map<LearnedField, VariableElement> elementsOf,
      ClassName generated, Report report) {
    for (LearnedField field : fields) {
      if (RESERVED_IN_PARAMETERS.contains(field.field())) {
        report.error(Message.RESERVED_NAME, elementsOf.get(field), field.field(),
            field.field() + "()", generated.simpleName());
      }
    }
  }

  /**
   * The generated hyperparameters record is built on the runtime's search spaces; without the
   * runtime on the class path javac would fail inside it. (The parameters record needs nothing.)
   */
  void checkRuntimePresent(TypeElement model, ClassName generated, Report report) {
    if (elements.getTypeElement(Names.RUNTIME_SEARCH_SPACE) == null) {
      report.error(Message.RUNTIME_MISSING, model, model.getQualifiedName(),
          generated.simpleName());
    }
  }

  /**
   * A type the user wrote under the generated name. Only source types count: a class file of that
   * name is, as a rule, this processor's output of an earlier build. The name is looked up in the
   * model's module only, where a user's class of that name would be: for a name that is free, a
   * lookup in every module costs javac a search of each of the platform's modules.
   */
  void checkNameFree(TypeElement model, ClassName generated, Set<String> generatedSoFar,
      Report report) {
    String name = generated.canonicalName();
    TypeElement existing = elements.getTypeElement(elements.getModuleOf(model), name);
    boolean fromSource = existing != null && (trees == null || trees.getPath(existing) != null);
    if (fromSource || generatedSoFar.contains(name)) {
      report.error(Message.GENERATED_NAME_TAKEN, model, model.getQualifiedName(), name);
    }
  }
}
