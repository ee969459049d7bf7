package dev.tunable.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The value a field's initializer gives it, when the source writes it as a literal, a constant, an
 * enum constant or arithmetic and casts of those: {@code double lr = 0.01;}, {@code int depth =
 * -1;}, {@code Penalty p = Penalty.L2;}, {@code double lr = BASE * 2;}, {@code int n = (int) 1e3;}.
 * Fields that are not final have no constant value in the element API, so the initializer is read
 * from the tree; without javac's tree API there are no initial values, and nothing else changes.
 * The same reading finds annotation values written as integer divisions.
 */
final class InitialValues {
  private final Trees trees;

  private InitialValues(Trees trees) {
    this.trees = trees;
  }

  static InitialValues from(ProcessingEnvironment environment) {
    try {
      return new InitialValues(Trees.instance(environment));
    } catch (IllegalArgumentException | LinkageError e) {
      return new InitialValues(null); // not javac: initial values stay unknown
    }
  }

  /**
   * A {@code Number}, {@code Boolean}, {@code String} or, for an enum constant, its {@link
   * Element}; empty when there is no initializer or it is not a constant.
   */
  Optional<Object> of(VariableElement field) {
    if (trees == null) {
      return Optional.empty();
    }
    TreePath path = trees.getPath(field);
    if (path == null || !(path.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        evaluate(new TreePath(path, variable.getInitializer()), enclosingType(field)));
  }

  /**
   * The class a field's initializer creates with no arguments and no body, {@code new Adam()};
   * empty for any other initializer.
   */
  Optional<TypeElement> instantiated(VariableElement field) {
    TreePath path = trees == null ? null : trees.getPath(field);
    if (path == null || !(path.getLeaf() instanceof VariableTree variable)
        || !(variable.getInitializer() instanceof NewClassTree creation)
        || !creation.getArguments().isEmpty() || creation.getClassBody() != null) {
      return Optional.empty();
    }
    TreePath initializer = new TreePath(path, creation);
    Element created = trees.getElement(new TreePath(initializer, creation.getIdentifier()));
    return created instanceof TypeElement type ? Optional.of(type) : Optional.empty();
  }

  /**
   * An integer division as written in an annotation value, such as {@code step = 1 / 4}: the
   * source text, and the exact quotient it reads as (the value is its truncation, here 0).
   */
  record IntegerDivision(String source, double exact) {}

  /** {@code value}'s integer division that does not divide evenly, if it is written as one. */
  Optional<IntegerDivision> integerDivision(
      Element field, AnnotationMirror mirror, AnnotationValue value) {
    TreePath path = trees == null ? null : trees.getPath(field, mirror, value);
    if (path == null) {
      return Optional.empty();
    }
    while (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
      path = new TreePath(path, parenthesized.getExpression());
    }
    if (!(path.getLeaf() instanceof BinaryTree division)
        || division.getKind() != Tree.Kind.DIVIDE) {
      return Optional.empty();
    }
    TypeElement scope = enclosingType(field);
    Object left = evaluate(new TreePath(path, division.getLeftOperand()), scope);
    Object right = evaluate(new TreePath(path, division.getRightOperand()), scope);
    boolean integral = (left instanceof Integer || left instanceof Long)
        && (right instanceof Integer || right instanceof Long);
    if (!integral || ((Number) right).longValue() == 0
        || ((Number) left).longValue() % ((Number) right).longValue() == 0) {
      return Optional.empty();
    }
    return Optional.of(new IntegerDivision(division.toString(),
        ((Number) left).doubleValue() / ((Number) right).doubleValue()));
  }

  /** {@code scope}: the class whose member holds the expression, null if not a class. */
  private Object evaluate(TreePath path, TypeElement scope) {
    ExpressionTree tree = (ExpressionTree) path.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return evaluate(new TreePath(path, parenthesized.getExpression()), scope);
    }
    if (tree instanceof LiteralTree literal) {
      Object value = literal.getValue();
      return value instanceof Character c ? Integer.valueOf(c) : value;
    }
    if (tree instanceof UnaryTree unary
        && (tree.getKind() == Tree.Kind.UNARY_MINUS || tree.getKind() == Tree.Kind.UNARY_PLUS)) {
      Object operand = evaluate(new TreePath(path, unary.getExpression()), scope);
      if (!(operand instanceof Number number) || tree.getKind() == Tree.Kind.UNARY_PLUS) {
        return operand instanceof Number ? operand : null;
      }
      return negate(number);
    }
    if (tree instanceof BinaryTree binary) {
      return binary(binary.getKind(), evaluate(new TreePath(path, binary.getLeftOperand()), scope),
          evaluate(new TreePath(path, binary.getRightOperand()), scope));
    }
    if (tree instanceof TypeCastTree cast
        && cast.getType() instanceof PrimitiveTypeTree primitive) {
      return cast(primitive.getPrimitiveTypeKind(),
          evaluate(new TreePath(path, cast.getExpression()), scope));
    }
    if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
      Element element = declaredIn(scope, path);
      if (element == null) {
        element = trees.getElement(path);
      }
      if (element == null) {
        return null;
      }
      if (element.getKind() == ElementKind.ENUM_CONSTANT) {
        return element;
      }
      if (element instanceof VariableElement variable) {
        return variable.getConstantValue();
      }
    }
    return null;
  }

  private static TypeElement enclosingType(Element field) {
    return field.getEnclosingElement() instanceof TypeElement type ? type : null;
  }

  /**
   * The field that {@code NAME} or {@code Type.NAME} names where {@code scope} itself declares it
   * ({@code NAME}) or declares the member type that does ({@code Type}): a declared member hides
   * every other meaning of its name there, so the answer is javac's without
   * {@link Trees#getElement}, which attributes the whole class (work javac repeats after the
   * round). Null for any other name, which is left to javac.
   */
  private static Element declaredIn(TypeElement scope, TreePath path) {
    if (scope == null) {
      return null;
    }
    Tree tree = path.getLeaf();
    if (tree instanceof IdentifierTree identifier) {
      return declaredField(scope, identifier.getName());
    }
    if (tree instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree qualifier
        && (scope.getNestingKind() == NestingKind.TOP_LEVEL
            || scope.getNestingKind() == NestingKind.MEMBER)
        && noFieldNamed(scope, qualifier.getName())
        && noStaticImportOf(path.getCompilationUnit(), qualifier.getName())) {
      // With no variable of that name in scope, the qualifier names a type (JLS 6.5.2).
      for (TypeElement member : ElementFilter.typesIn(scope.getEnclosedElements())) {
        if (member.getSimpleName().contentEquals(qualifier.getName())) {
          return declaredField(member, select.getIdentifier());
        }
      }
    }
    return null;
  }

  private static VariableElement declaredField(TypeElement type, Name name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  /**
   * No field named {@code name} declared in {@code type}, its supertypes or enclosing classes, and
   * no local variable: none of them is inside a method.
   */
  private static boolean noFieldNamed(TypeElement type, Name name) {
    Element t = type;
    for (; t instanceof TypeElement current; t = t.getEnclosingElement()) {
      if (!noInheritedField(current, name)) {
        return false;
      }
    }
    return t instanceof PackageElement;
  }

  /** No static import that names {@code name} or imports every static member of a type. */
  private static boolean noStaticImportOf(CompilationUnitTree unit, Name name) {
    for (ImportTree i : unit.getImports()) {
      if (i.isStatic() && i.getQualifiedIdentifier() instanceof MemberSelectTree imported
          && (imported.getIdentifier().contentEquals("*")
              || imported.getIdentifier().equals(name))) {
        return false;
      }
    }
    return true;
  }

  private static boolean noInheritedField(TypeElement type, Name name) {
    if (declaredField(type, name) != null) {
      return false;
    }
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement element
          && !noInheritedField(element, name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of {@code left op right} for constant operands, with Java's promotion (double, then
   * float, then long, then int) and string concatenation; null for anything else, such as an
   * integer division by zero, which is no constant.
   */
  private static Object binary(Tree.Kind op, Object left, Object right) {
    if (left == null || right == null) {
      return null;
    }
    if (op == Tree.Kind.PLUS && (left instanceof String || right instanceof String)) {
      return String.valueOf(left) + right;
    }
    if (!(left instanceof Number a) || !(right instanceof Number b)) {
      return null;
    }
    if (a instanceof Double || b instanceof Double) {
      return real(op, a.doubleValue(), b.doubleValue());
    }
    if (a instanceof Float || b instanceof Float) {
      Double value = real(op, a.floatValue(), b.floatValue());
      return value == null ? null : (Object) value.floatValue();
    }
    boolean isLong = a instanceof Long || b instanceof Long;
    long x = a.longValue();
    long y = b.longValue();
    if ((op == Tree.Kind.DIVIDE || op == Tree.Kind.REMAINDER) && y == 0) {
      return null;
    }
    Long value = switch (op) {
      case PLUS -> isLong ? x + y : (long) ((int) x + (int) y);
      case MINUS -> isLong ? x - y : (long) ((int) x - (int) y);
      case MULTIPLY -> isLong ? x * y : (long) ((int) x * (int) y);
      case DIVIDE -> isLong ? x / y : (long) ((int) x / (int) y);
      case REMAINDER -> isLong ? x % y : (long) ((int) x % (int) y);
      default -> null;
    };
    return value == null ? null : isLong ? (Object) value : (Object) value.intValue();
  }

  /**
   * Double arithmetic; for floats, rounded to float by the caller, which gives Java's float result
   * (a double holds more than twice a float's digits).
   */
  private static Double real(Tree.Kind op, double x, double y) {
    return switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case REMAINDER -> x % y;
      default -> null;
    };
  }

  /** {@code (int) 3.7} and the like; null when the operand is not a constant number. */
  private static Object cast(TypeKind kind, Object operand) {
    if (!(operand instanceof Number number)) {
      return kind == TypeKind.BOOLEAN ? operand : null;
    }
    return switch (kind) {
      case DOUBLE -> number.doubleValue();
      case FLOAT -> number.floatValue();
      case LONG -> number.longValue();
      case INT -> number.intValue();
      case SHORT -> (int) number.shortValue();
      case BYTE -> (int) number.byteValue();
      case CHAR -> (int) (char) number.intValue();
      default -> null;
    };
  }

  private static Number negate(Number number) {
    if (number instanceof Double d) {
      return -d;
    }
    if (number instanceof Float f) {
      return -f;
    }
    if (number instanceof Long l) {
      return -l;
    }
    return -number.intValue();
  }
}
