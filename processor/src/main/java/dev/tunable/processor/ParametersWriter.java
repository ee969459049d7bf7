package dev.tunable.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.tunable.processor.Names.Member;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Parameters}: a record of the learned state that captures and restores it.
 * Arrays of primitives are deep-copied both ways, so a captured value is independent of the model
 * that goes on training; other values are copied by reference, and the generated Javadoc names
 * them as shared, since a mutable object (an XGBoost {@code Booster}, a list of trees) goes on
 * changing with the model (issue 16). Records compare arrays by identity, so equals, hashCode and
 * toString are written to use their contents.
 */
final class ParametersWriter {
  private static final ClassName ARRAYS = ClassName.get(Arrays.class);
  private static final ClassName OBJECTS = ClassName.get(Objects.class);
  private static final ClassName CODEC = ClassName.get("dev.tunable.annotations", "LearnedCodec");

  private final Optional<AnnotationSpec> generated;

  ParametersWriter(Optional<AnnotationSpec> generated) {
    this.generated = generated;
  }

  JavaFile write(TunableClass model) {
    ClassName self = model.parametersName();
    List<LearnedField> fields = model.learned();
    TypeSpec.Builder record = TypeSpec.recordBuilder(self)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Learned parameters of {@link $T}.\n", Writers.raw(model.modelType()))
        .addJavadoc(shared(fields).isEmpty() ? CodeBlock.of("")
            : CodeBlock.of("\n<p>Held by reference, not copied: $L. A mutable object is"
                + " shared\nbetween a captured value and the model.\n", sharedNames(fields)))
        .addJavadoc(coded(fields).isEmpty() ? CodeBlock.of("")
            : CodeBlock.of("\n<p>Deep-copied through its {@code LearnedCodec}: $L.\n",
                names(coded(fields))))
        .addOriginatingElement(model.element());
    generated.ifPresent(record::addAnnotation);
    fields.forEach(field -> record.alwaysQualify(field.field()));
    Writers.qualifyJavaLangHiddenBy(record, model.element());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    fields.forEach(field ->
        constructor.addParameter(Writers.component(field.type(), field.field(), field.javadoc())));
    record.recordConstructor(constructor.build());

    fields.forEach(field -> Writers.accessor(field.type(), field.field(), field.javadoc())
        .ifPresent(record::addMethod));
    NameAllocator names = Writers.namesAfter(fields.stream().map(LearnedField::field).toList());
    record.addMethod(capture(model, self, names.clone()));
    record.addMethod(restore(model, names.clone()));
    record.addMethod(scalarCount(fields));
    record.addMethod(equalsMethod(self, fields, names.clone()));
    record.addMethod(hashCodeMethod(fields, names.clone()));
    record.addMethod(toStringMethod(self, fields));
    Set<TypeName> arrays = new LinkedHashSet<>();
    for (LearnedField field : fields) {
      if (field.isPrimitiveArray()) {
        collectArrayTypes((ArrayTypeName) field.type(), arrays);
      }
    }
    arrays.forEach(type -> record.addMethod(copy((ArrayTypeName) type)));
    arrays.forEach(type -> record.addMethod(count((ArrayTypeName) type)));
    if (!coded(fields).isEmpty()) {
      record.addMethod(copyThroughCodec());
    }
    return Writers.file(self, record.build());
  }

  /** {@code double[][]} needs the helpers for {@code double[]} too, innermost first. */
  private static void collectArrayTypes(ArrayTypeName type, Set<TypeName> into) {
    if (type.componentType() instanceof ArrayTypeName component) {
      collectArrayTypes(component, into);
    }
    into.add(type);
  }

  private static MethodSpec capture(TunableClass model, ClassName self, NameAllocator names) {
    String instance = names.newName("model");
    CodeBlock values = model.learned().stream()
        .map(field -> copied(field, CodeBlock.of("$N.$N", instance, field.field())))
        .collect(CodeBlock.joining(",$W"));
    return MethodSpec.methodBuilder(Member.CAPTURE.simpleName())
        .addJavadoc(shared(model.learned()).isEmpty()
            ? CodeBlock.of("A copy of the learned state of {@code $N}.\n", instance)
            : CodeBlock.of("The learned state of {@code $N}: a copy, but for what is held by"
                    + " reference\n($L), which is shared with the model.\n", instance,
                sharedNames(model.learned())))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(model.modelType(), instance)
        .addStatement("return new $T($L)", self, values)
        .build();
  }

  private static MethodSpec restore(TunableClass model, NameAllocator names) {
    String instance = names.newName("model");
    TypeVariableName type = Writers.typeVariable(model, "M");
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.RESTORE.simpleName())
        .addJavadoc(shared(model.learned()).isEmpty()
            ? CodeBlock.of("Sets a copy of this learned state on {@code $N}'s fields and returns"
                + " it.\n", instance)
            : CodeBlock.of("Sets this learned state on {@code $N}'s fields and returns it: a copy,"
                    + " but for what\nis held by reference ($L),\nwhich the model then shares"
                    + " with this value.\n", instance, sharedNames(model.learned())))
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(type)
        .returns(type)
        .addParameter(type, instance);
    for (LearnedField field : model.learned()) {
      method.addStatement("$N.$N = $L", instance, field.field(),
          copied(field, CodeBlock.of("this.$N", field.field())));
    }
    return method.addStatement("return $N", instance).build();
  }

  private static MethodSpec scalarCount(List<LearnedField> fields) {
    List<CodeBlock> terms = fields.stream()
        .filter(LearnedField::primitive)
        .map(field -> field.arrayDepth() > 0
            ? CodeBlock.of("$N(this.$N)", Member.COUNT.simpleName(), field.field())
            : CodeBlock.of("1"))
        .toList();
    return MethodSpec.methodBuilder(Member.SCALAR_COUNT.simpleName())
        .addJavadoc(objects(fields).isEmpty()
            ? CodeBlock.of("How many primitive values the learned state holds, array elements"
                + " included.\n")
            : CodeBlock.of("How many primitive values the learned state holds, array elements"
                + " included; the\nobjects ($L) are not counted:\ntheir size is not known"
                + " here.\n", names(objects(fields))))
        .addModifiers(Modifier.PUBLIC)
        .returns(long.class)
        .addStatement("return $L", terms.isEmpty() ? CodeBlock.of("0") : CodeBlock.join(terms, " + "))
        .build();
  }

  /** How {@code value}, the field's value, is copied: deep, through a codec, or as it is. */
  private static CodeBlock copied(LearnedField field, CodeBlock value) {
    if (field.isPrimitiveArray()) {
      return CodeBlock.of("$N($L)", Member.COPY.simpleName(), value);
    }
    if (field.codec().isPresent()) {
      return CodeBlock.of("$N(new $T(), $L, $S)", Member.COPY.simpleName(),
          field.codec().get(), value, field.field());
    }
    return value;
  }

  /** The fields copied by reference: neither primitive, nor arrays of primitives, nor coded. */
  private static List<LearnedField> shared(List<LearnedField> fields) {
    return fields.stream().filter(LearnedField::isShared).toList();
  }

  /** The fields that are objects, held by reference or copied by a codec: not counted. */
  private static List<LearnedField> objects(List<LearnedField> fields) {
    return fields.stream().filter(field -> !field.primitive()).toList();
  }

  /** The fields deep-copied through their codec. */
  private static List<LearnedField> coded(List<LearnedField> fields) {
    return fields.stream().filter(field -> field.codec().isPresent()).toList();
  }

  private static String sharedNames(List<LearnedField> fields) {
    return names(shared(fields));
  }

  /** {@code {@code a}}, {@code {@code a} and {@code b}}, {@code {@code a}, {@code b} and …}. */
  private static String names(List<LearnedField> fields) {
    List<String> names = fields.stream()
        .map(field -> "{@code " + field.field() + "}").toList();
    int last = names.size() - 1;
    return last == 0 ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
  }

  private static MethodSpec equalsMethod(ClassName self, List<LearnedField> fields,
      NameAllocator names) {
    String other = names.newName("other");
    String that = names.newName("that");
    CodeBlock.Builder body = CodeBlock.builder()
        .add("return $N instanceof $T $N", other, self, that);
    for (LearnedField field : fields) {
      body.add("\n&& $L", same(field, that));
    }
    return MethodSpec.methodBuilder(Member.EQUALS.simpleName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, other)
        .addStatement("$L", body.build())
        .build();
  }

  private static CodeBlock same(LearnedField field, String that) {
    String name = field.field();
    TypeName type = field.type();
    if (field.arrayDepth() == 1 && field.primitive()) {
      return CodeBlock.of("$T.equals(this.$N, $N.$N)", ARRAYS, name, that, name);
    }
    if (field.arrayDepth() > 0) {
      return CodeBlock.of("$T.deepEquals(this.$N, $N.$N)", ARRAYS, name, that, name);
    }
    if (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT)) {
      // As records compare them: NaN equals NaN, and 0.0 differs from -0.0.
      return CodeBlock.of("$T.compare(this.$N, $N.$N) == 0", type.box(), name, that, name);
    }
    if (type.isPrimitive()) {
      return CodeBlock.of("this.$N == $N.$N", name, that, name);
    }
    return CodeBlock.of("$T.equals(this.$N, $N.$N)", OBJECTS, name, that, name);
  }

  private static MethodSpec hashCodeMethod(List<LearnedField> fields, NameAllocator names) {
    String result = names.newName("result");
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.HASH_CODE.simpleName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("int $N = 0", result);
    for (LearnedField field : fields) {
      method.addStatement("$N = 31 * $N + $L", result, result, hash(field));
    }
    return method.addStatement("return $N", result).build();
  }

  private static CodeBlock hash(LearnedField field) {
    String name = field.field();
    if (field.arrayDepth() == 1 && field.primitive()) {
      return CodeBlock.of("$T.hashCode(this.$N)", ARRAYS, name);
    }
    if (field.arrayDepth() > 0) {
      return CodeBlock.of("$T.deepHashCode(this.$N)", ARRAYS, name);
    }
    if (field.type().isPrimitive()) {
      return CodeBlock.of("$T.hashCode(this.$N)", field.type().box(), name);
    }
    return CodeBlock.of("$T.hashCode(this.$N)", OBJECTS, name);
  }

  private static MethodSpec toStringMethod(ClassName self, List<LearnedField> fields) {
    CodeBlock.Builder body = CodeBlock.builder().add("return $S", self.simpleName() + "[");
    String separator = "";
    for (LearnedField field : fields) {
      body.add("\n+ $S + $L", separator + field.field() + "=", text(field));
      separator = ", ";
    }
    body.add("\n+ $S", "]");
    return MethodSpec.methodBuilder(Member.TO_STRING.simpleName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$L", body.build())
        .build();
  }

  private static CodeBlock text(LearnedField field) {
    if (field.arrayDepth() == 1 && field.primitive()) {
      return CodeBlock.of("$T.toString(this.$N)", ARRAYS, field.field());
    }
    if (field.arrayDepth() > 0) {
      return CodeBlock.of("$T.deepToString(this.$N)", ARRAYS, field.field());
    }
    return CodeBlock.of("this.$N", field.field());
  }

  private static MethodSpec copy(ArrayTypeName type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.COPY.simpleName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(type, "source");
    if (!(type.componentType() instanceof ArrayTypeName)) {
      return method.addStatement("return source == null ? null : source.clone()").build();
    }
    return method
        .beginControlFlow("if (source == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T copy = new $L", type, emptyRows(type))
        .beginControlFlow("for (int i = 0; i < source.length; i++)")
        .addStatement("copy[i] = $N(source[i])", Member.COPY.simpleName())
        .endControlFlow()
        .addStatement("return copy")
        .build();
  }

  /** {@code double[source.length][]} for {@code double[][]}, {@code int[source.length][][]} … */
  private static String emptyRows(ArrayTypeName type) {
    TypeName innermost = type;
    int depth = 0;
    while (innermost instanceof ArrayTypeName array) {
      innermost = array.componentType();
      depth++;
    }
    return innermost + "[source.length]" + "[]".repeat(depth - 1);
  }

  /** Copies a value through its codec: to bytes and back. */
  private static MethodSpec copyThroughCodec() {
    TypeVariableName type = TypeVariableName.get("T");
    return MethodSpec.methodBuilder(Member.COPY.simpleName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(type)
        .returns(type)
        .addParameter(ParameterizedTypeName.get(CODEC, type), "codec")
        .addParameter(type, "value")
        .addParameter(String.class, "field")
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("return codec.decode(codec.encode(value))")
        .nextControlFlow("catch ($T e)", Exception.class)
        .addStatement("throw new $T($S + field + $S$W+ codec.getClass().getName(), e)",
            IllegalStateException.class, "cannot copy learned field '", "' through ")
        .endControlFlow()
        .build();
  }

  private static MethodSpec count(ArrayTypeName type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(Member.COUNT.simpleName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class)
        .addParameter(type, "values");
    if (!(type.componentType() instanceof ArrayTypeName component)) {
      return method.addStatement("return values == null ? 0 : values.length").build();
    }
    return method
        .addStatement("long count = 0")
        .beginControlFlow("if (values != null)")
        .beginControlFlow("for ($T row : values)", component)
        .addStatement("count += $N(row)", Member.COUNT.simpleName())
        .endControlFlow()
        .endControlFlow()
        .addStatement("return count")
        .build();
  }
}
