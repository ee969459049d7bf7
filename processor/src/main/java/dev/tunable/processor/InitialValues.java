package dev.tunable.processor;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;

/**
 * The value a field's initializer gives it, when the source writes it as a literal, a constant or
 * an enum constant: {@code double lr = 0.01;}, {@code int depth = -1;}, {@code Penalty p = Penalty.L2;}.
 * Fields that are not final have no constant value in the element API, so the initializer is read
 * from the tree; without javac's tree API there are no initial values, and nothing else changes.
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
    return Optional.ofNullable(evaluate(new TreePath(path, variable.getInitializer())));
  }

  private Object evaluate(TreePath path) {
    ExpressionTree tree = (ExpressionTree) path.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return evaluate(new TreePath(path, parenthesized.getExpression()));
    }
    if (tree instanceof LiteralTree literal) {
      Object value = literal.getValue();
      return value instanceof Character c ? Integer.valueOf(c) : value;
    }
    if (tree instanceof UnaryTree unary
        && (tree.getKind() == Tree.Kind.UNARY_MINUS || tree.getKind() == Tree.Kind.UNARY_PLUS)) {
      Object operand = evaluate(new TreePath(path, unary.getExpression()));
      if (!(operand instanceof Number number) || tree.getKind() == Tree.Kind.UNARY_PLUS) {
        return operand instanceof Number ? operand : null;
      }
      return negate(number);
    }
    if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
      Element element = trees.getElement(path);
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
