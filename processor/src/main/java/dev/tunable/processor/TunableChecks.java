package dev.tunable.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * The method-body rules, as a javac plugin: enable it with {@code -Xplugin:Tunable}. A
 * hyperparameter must not be assigned by its model's own methods (training), and learned state
 * must not be set from outside the model. Assignments, compound assignments and {@code ++}/{@code
 * --} are matched by the symbol they assign, on attributed trees, after analysis.
 *
 * <p>It lives apart from {@link TunableProcessor} so that the processor stays isolating for
 * Gradle: these rules read method bodies of any class, not only the annotated ones.
 *
 * @since 0.1
 */
@AutoService(Plugin.class)
public final class TunableChecks implements Plugin {
  /** Creates the plugin; javac finds it through {@code META-INF/services}. */
  public TunableChecks() {}

  @Override
  public String getName() {
    return "Tunable";
  }

  @Override
  public void init(JavacTask task, String... args) {
    Trees trees = Trees.instance(task);
    Types types = task.getTypes();
    // The processor reports these too, but javac runs it only when a member field somewhere
    // carries a Tunable annotation; reported by the processor, they stop javac before analysis.
    LocalClassFields localClassFields = new LocalClassFields(trees);
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent event) {
        // One event per top-level class, so scan that class rather than its whole file.
        if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
          return;
        }
        localClassFields.check(event.getCompilationUnit());
        TreePath type = trees.getPath(event.getTypeElement());
        if (type != null) {
          new BodyScanner(trees, types, event.getCompilationUnit()).scan(type, null);
        }
      }
    });
  }

  /** One {@code match*} per tree kind that writes a variable; the rules themselves are below. */
  private static final class BodyScanner extends TreePathScanner<Void, Void> {
    private final Trees trees;
    private final Types types;
    private final CompilationUnitTree unit;

    BodyScanner(Trees trees, Types types, CompilationUnitTree unit) {
      this.trees = trees;
      this.types = types;
      this.unit = unit;
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      matchWrite(tree, tree.getVariable());
      return super.visitAssignment(tree, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
      matchWrite(tree, tree.getVariable());
      return super.visitCompoundAssignment(tree, unused);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Void unused) {
      switch (tree.getKind()) {
        case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT ->
            matchWrite(tree, tree.getExpression());
        default -> { }
      }
      return super.visitUnary(tree, unused);
    }

    private void matchWrite(Tree write, ExpressionTree target) {
      Element field = trees.getElement(new TreePath(getCurrentPath(), target));
      if (field == null || field.getKind() != ElementKind.FIELD) {
        return;
      }
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      if (Mirrors.has(field, Names.HYPERPARAMETER)) {
        checkHyperparameterNotTrained(write, field, owner);
      } else if (Mirrors.has(field, Names.LEARNED)) {
        checkLearnedSetInside(write, target, field, owner);
      }
    }

    /** Constructors and initializers set defaults; every other method of the model trains. */
    private void checkHyperparameterNotTrained(Tree write, Element field, TypeElement owner) {
      Optional<MethodTree> method = enclosingMethod();
      if (method.isEmpty() || method.get().getName().contentEquals("<init>")) {
        return;
      }
      if (insideModelInstance(owner)) {
        report(write, Message.HYPERPARAMETER_ASSIGNED_IN_TRAINING.format(field.getSimpleName(),
            method.get().getName() + "()"));
      }
    }

    private void checkLearnedSetInside(Tree write, ExpressionTree target, Element field,
        TypeElement owner) {
      if (insideModel(owner) || insideGeneratedParameters(target)) {
        return;
      }
      String where = enclosingClass().map(c -> c.getSimpleName().toString()).orElse("this file");
      report(write, Message.LEARNED_SET_FROM_OUTSIDE.format(field.getSimpleName(),
          owner.getSimpleName(), where, Names.parameters(owner).simpleName(),
          Names.Member.RESTORE.simpleName()));
    }

    /** The method the write is in, through lambdas, up to the nearest class. */
    private Optional<MethodTree> enclosingMethod() {
      for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
        Tree leaf = path.getLeaf();
        if (leaf instanceof MethodTree method) {
          return Optional.of(method);
        }
        if (leaf instanceof ClassTree) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    private Optional<TypeElement> enclosingClass() {
      for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
        if (path.getLeaf() instanceof ClassTree && trees.getElement(path) instanceof TypeElement type) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    /**
     * Whether the write runs on behalf of a model instance: in an instance method of the model (or
     * a subclass), or in a lambda, anonymous, local or inner class inside one. A static method
     * or a static nested class (a factory, a builder) makes models rather than trains them.
     */
    private boolean insideModelInstance(TypeElement owner) {
      for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
        if (path.getLeaf() instanceof MethodTree method
            && method.getModifiers().getFlags().contains(Modifier.STATIC)) {
          return false;
        }
        if (path.getLeaf() instanceof ClassTree
            && trees.getElement(path) instanceof TypeElement type) {
          if (types.isSubtype(types.erasure(type.asType()), types.erasure(owner.asType()))) {
            return true;
          }
          boolean ofAnInstance = type.getNestingKind() == NestingKind.ANONYMOUS
              || type.getNestingKind() == NestingKind.LOCAL
              || (type.getNestingKind() == NestingKind.MEMBER
                  && !type.getModifiers().contains(Modifier.STATIC));
          if (!ofAnInstance) {
            return false;
          }
        }
      }
      return false;
    }

    /** Whether any class around the write is the model or a subclass of it. */
    private boolean insideModel(TypeElement owner) {
      for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
        if (path.getLeaf() instanceof ClassTree && trees.getElement(path) instanceof TypeElement type
            && types.isSubtype(types.erasure(type.asType()), types.erasure(owner.asType()))) {
          return true;
        }
      }
      return false;
    }

    /**
     * The generated {@code restore} sets learned state by design: a write through a model (or
     * type variable bounded by it) inside the record generated for that model. Known by name,
     * which no other type may take (GeneratedNameTaken), and not by {@code @Generated}, which a
     * module that does not read {@code java.compiler} cannot have.
     */
    private boolean insideGeneratedParameters(ExpressionTree target) {
      Optional<TypeElement> type = enclosingClass();
      if (!(target instanceof MemberSelectTree select) || type.isEmpty()) {
        return false;
      }
      TreePath model = new TreePath(new TreePath(getCurrentPath(), target), select.getExpression());
      TypeMirror through = trees.getTypeMirror(model);
      if (through == null || types.erasure(through).getKind() != TypeKind.DECLARED) {
        return false;
      }
      TypeElement modelType = (TypeElement) types.asElement(types.erasure(through));
      return type.get().getQualifiedName()
          .contentEquals(Names.parameters(modelType).canonicalName());
    }

    private void report(Tree tree, String message) {
      trees.printMessage(Diagnostic.Kind.ERROR, message, tree, unit);
    }
  }
}
