package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The rules of a {@code @Hyperparameter} field whose type is a class with hyperparameters of its
 * own (a nested space) or a sealed type (a choice among its permitted classes), one private
 * method each; every rule runs.
 */
final class CompositeTypes {
  /** Reads the class of a nested field or of a branch like a model, reporting a cycle on {@code at}. */
  interface Parts {
    Optional<TunableClass> read(TypeElement type, String field, Element at, Report report);
  }

  /** Where a field's errors go: the field and its annotation, or nowhere that is printed. */
  record Place(String field, Element element, javax.lang.model.element.AnnotationMirror mirror,
      Report report) {
    void error(Message rule, Object... args) {
      report.error(rule, element, mirror, args);
    }
  }

  private final Elements elements;
  private final FieldAccessRules access;

  CompositeTypes(Elements elements, FieldAccessRules access) {
    this.elements = elements;
    this.access = access;
  }

  /**
   * The domain of a field of class or interface {@code type} declared in {@code model}, or empty
   * after reporting what is wrong.
   */
  Optional<Domain> domain(Place place, DeclaredType type, TypeElement model, Parts parts) {
    TypeElement element = (TypeElement) type.asElement();
    boolean isAbstract = element.getKind() == ElementKind.INTERFACE
        || element.getModifiers().contains(Modifier.ABSTRACT);
    if (isAbstract) {
      if (!element.getModifiers().contains(Modifier.SEALED)) {
        boolean isInterface = element.getKind() == ElementKind.INTERFACE;
        place.error(Message.CHOICE_NOT_SEALED, place.field(), type,
            isInterface ? "an interface" : "an abstract class",
            (isInterface ? "sealed interface " : "sealed abstract class ") + element.getSimpleName());
        return Optional.empty();
      }
      return choice(place, element, parts).map(Domain.class::cast);
    }
    if (!hasHyperparameters(element)) {
      place.error(Message.NESTED_WITHOUT_HYPERPARAMETERS, place.field(), type,
          element.getSimpleName(), place.field());
      return Optional.empty();
    }
    boolean instantiable = checkInstantiable(place, element, elements.getPackageOf(model));
    Optional<TunableClass> nested = parts.read(element, place.field(), place.element(),
        place.report());
    return instantiable ? nested.map(Domain.Nested::new) : Optional.empty();
  }

  /**
   * The choice among the permitted classes of {@code sealed}, or empty after reporting (on
   * {@code place}) every permitted class that cannot be a branch.
   */
  Optional<Domain.Choice> choice(Place place, TypeElement sealed, Parts parts) {
    int errorsBefore = place.report().size();
    if (!sealed.getTypeParameters().isEmpty()) {
      place.error(Message.UNSUPPORTED_TYPE, place.field(), sealed.asType(),
          "the branches of a generic sealed type cannot be named: declare "
              + sealed.getSimpleName() + " without type parameters");
      return Optional.empty();
    }
    PackageElement home = elements.getPackageOf(sealed); // where the generated interface is
    List<Domain.Branch> branches = new ArrayList<>();
    Map<String, TypeElement> byLabel = new HashMap<>();
    for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
      if (permitted.getKind() != TypeKind.DECLARED) {
        continue; // javac reports an unresolved permitted class itself
      }
      TypeElement branch = (TypeElement) ((DeclaredType) permitted).asElement();
      if (!checkIsClass(place, sealed, branch)) {
        continue;
      }
      String label = label(branch);
      TypeElement sameLabel = byLabel.putIfAbsent(label, branch);
      if (sameLabel != null) {
        place.error(Message.BRANCH_LABEL_CLASH, place.field(), sameLabel.getQualifiedName(),
            branch.getQualifiedName(), sealed.getSimpleName(), label);
      }
      boolean instantiable = checkInstantiable(place, branch, home);
      Optional<TunableClass> type = parts.read(branch, place.field(), place.element(),
          place.report());
      if (instantiable && type.isPresent()) {
        branches.add(new Domain.Branch(label, type.get()));
      }
    }
    if (place.report().size() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Domain.Choice(Names.hyperparameters(sealed), ClassName.get(sealed), branches));
  }

  /**
   * The choices {@code type} is a branch of: its sealed direct supertypes whose permitted classes
   * all make valid branches. Its hyperparameters record implements their generated interfaces.
   */
  List<Domain.Choice> familiesOf(TypeElement type, Parts parts) {
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    List<Domain.Choice> families = new ArrayList<>();
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement sealed = (TypeElement) ((DeclaredType) supertype).asElement();
      boolean isAbstract = sealed.getKind() == ElementKind.INTERFACE
          || sealed.getModifiers().contains(Modifier.ABSTRACT);
      if (isAbstract && sealed.getModifiers().contains(Modifier.SEALED)) {
        // Checked silently: a field of the sealed type reports what is wrong with it.
        Place nowhere = new Place("", sealed, null, new Report());
        choice(nowhere, sealed, parts).ifPresent(families::add);
      }
    }
    return families;
  }

  /** {@code adam} for {@code Adam}, {@code rmsProp} for {@code RmsProp}, {@code SGD} for {@code SGD}. */
  static String label(TypeElement type) {
    // As java.beans.Introspector.decapitalize, which the processor does not depend on.
    String name = type.getSimpleName().toString();
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0))
        && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** Whether {@code type} or a superclass declares a {@code @Hyperparameter} field. */
  private static boolean hasHyperparameters(TypeElement type) {
    return TunableClassReader.annotatedFields(type).stream()
        .anyMatch(field -> Mirrors.has(field, Names.HYPERPARAMETER));
  }

  private static boolean checkIsClass(Place place, TypeElement sealed, TypeElement branch) {
    String kind;
    String fix;
    switch (branch.getKind()) {
      case CLASS:
        return true;
      case RECORD:
        kind = "a record";
        fix = "make " + branch.getSimpleName() + " a class (a record's fields are final)";
        break;
      case ENUM:
        kind = "an enum";
        fix = "make " + branch.getSimpleName() + " a class, or tune the enum as a field of its own";
        break;
      default:
        kind = "an interface";
        fix = "permit the classes of " + branch.getSimpleName() + " in " + sealed.getSimpleName()
            + " directly";
        break;
    }
    place.error(Message.BRANCH_NOT_A_CLASS, place.field(), sealed.getSimpleName(),
        branch.getQualifiedName(), kind, sealed.getSimpleName(), fix);
    return false;
  }

  /**
   * Whether code in package {@code from} can write {@code new Type()}, after reporting why not.
   * A private class (or one inside a private class) is left to {@code UnreachableClass}, which
   * reading the class reports.
   */
  private boolean checkInstantiable(Place place, TypeElement type, PackageElement from) {
    boolean samePackage = elements.getPackageOf(type).equals(from);
    String why = null;
    String fix = null;
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      why = "is abstract";
      fix = "make it concrete, or list its subclasses in permits";
    } else if (!type.getTypeParameters().isEmpty()) {
      why = "is generic";
      fix = "declare it without type parameters";
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      why = "is an inner class, which needs an instance of "
          + type.getEnclosingElement().getSimpleName();
      fix = "declare it static";
    } else if (!isPrivate(type) && !access.nameable(type, from)) {
      why = "is not public in package " + elements.getPackageOf(type);
      fix = "make it public";
    } else if (!isPrivate(type) && !hasConstructor(type, samePackage)) {
      why = "has no no-argument constructor that it can call";
      fix = samePackage ? "add one that is not private" : "add a public one";
    }
    if (why != null) {
      place.error(Message.NOT_INSTANTIABLE, place.field(), from.getQualifiedName(),
          type.getQualifiedName(), type.getSimpleName(), why, fix);
    }
    return why == null;
  }

  private static boolean isPrivate(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasConstructor(TypeElement type, boolean samePackage) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && (constructor.getModifiers().contains(Modifier.PUBLIC)
              || (samePackage && !constructor.getModifiers().contains(Modifier.PRIVATE)))) {
        return true;
      }
    }
    return false;
  }
}
