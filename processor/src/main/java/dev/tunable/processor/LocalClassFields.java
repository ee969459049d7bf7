package dev.tunable.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Annotated fields of local and anonymous classes, which javac never shows a processor as
 * elements (it enters those classes only when it attributes method bodies, after processing): no
 * generated code could reach them, so they would be ignored without a word. The annotation is
 * found in the parsed source by its name, as the source's imports resolve it.
 */
final class LocalClassFields {
  private static final String PACKAGE = "dev.tunable.annotations";

  private final Trees trees;
  /** Each compilation unit is scanned once, however many top-level classes it holds. */
  private final Set<CompilationUnitTree> scanned = new HashSet<>();

  LocalClassFields(Trees trees) {
    this.trees = trees;
  }

  /** Reports every annotated field of a local or anonymous class in {@code root}'s file. */
  void check(Element root) {
    TreePath path = trees.getPath(root);
    if (path != null) { // null for a class from a class file
      check(path.getCompilationUnit());
    }
  }

  /** Reports every annotated field of a local or anonymous class in {@code unit}. */
  void check(CompilationUnitTree unit) {
    if (!scanned.add(unit)) {
      return; // scanned with another top-level class of its file
    }
    Imports imports = Imports.of(unit);
    new TreePathScanner<Void, String>() {
      /** {@code enclosingLocal}: the local class this one is nested in, or null. */
      @Override
      public Void visitClass(ClassTree type, String enclosingLocal) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        boolean local = !(parent instanceof ClassTree) && !(parent instanceof CompilationUnitTree);
        String name = type.getSimpleName().length() == 0
            ? "an anonymous class"
            : "local class " + type.getSimpleName();
        String where = local ? name : enclosingLocal == null ? null
            : "class " + type.getSimpleName() + " inside " + enclosingLocal;
        if (where != null) {
          for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field) {
              checkField(field, where, imports, unit);
            }
          }
        }
        return super.visitClass(type, local ? name : enclosingLocal);
      }
    }.scan(unit, null);
  }

  private void checkField(VariableTree field, String where, Imports imports,
      CompilationUnitTree unit) {
    for (AnnotationTree annotation : field.getModifiers().getAnnotations()) {
      String simpleName = imports.tunableAnnotation(annotation.getAnnotationType());
      if (simpleName != null) {
        trees.printMessage(Diagnostic.Kind.ERROR, Message.LOCAL_CLASS_FIELD.format(
            field.getName(), simpleName, where), annotation, unit);
      }
    }
  }

  /** How a file's imports resolve the simple names {@code Hyperparameter} and {@code Learned}. */
  private record Imports(Set<String> singleTypes, boolean onDemand, String filePackage) {
    static Imports of(CompilationUnitTree unit) {
      Set<String> singleTypes = new HashSet<>();
      boolean onDemand = false;
      for (ImportTree i : unit.getImports()) {
        if (i.isStatic()) {
          continue;
        }
        String name = i.getQualifiedIdentifier().toString();
        if (name.equals(PACKAGE + ".*")) {
          onDemand = true;
        } else {
          singleTypes.add(name);
        }
      }
      String filePackage = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
      return new Imports(singleTypes, onDemand, filePackage);
    }

    /** {@code Hyperparameter} or {@code Learned} when {@code type} names Tunable's, else null. */
    String tunableAnnotation(Tree type) {
      for (String simpleName : new String[] {"Hyperparameter", "Learned"}) {
        String qualified = PACKAGE + "." + simpleName;
        if (type instanceof MemberSelectTree select && select.toString().equals(qualified)) {
          return simpleName;
        }
        if (type instanceof IdentifierTree identifier
            && identifier.getName().contentEquals(simpleName)
            && (singleTypes.contains(qualified) || filePackage.equals(PACKAGE)
                || (onDemand && !importsOther(simpleName)))) {
          return simpleName;
        }
      }
      return null;
    }

    /** Whether a single-type import brings another type of that simple name. */
    private boolean importsOther(String simpleName) {
      return singleTypes.stream().anyMatch(type -> type.endsWith("." + simpleName));
    }
  }
}
