package dev.tunable.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks {@code @Hyperparameter} and {@code @Learned} fields at compile time and generates, for
 * every class that has them (declared or inherited from an annotated superclass), {@code
 * <Name>Hyperparameters}, {@code <Name>Parameters} and a JSON descriptor and schema under {@code
 * META-INF/tunable/}.
 *
 * <p>Every misuse is a compile error on the field, the annotation and the offending value, and
 * every error of a class is reported; a class with errors gets no generated code, and never stops
 * the other classes from getting theirs.
 *
 * @since 0.1
 */
@AutoService(Processor.class)
public final class TunableProcessor extends AbstractProcessor {
  /** Classes waiting for a type that another processor may generate in a later round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new HashSet<>();
  private final Set<String> generatedNames = new HashSet<>();
  /** An inherited field's error reaches every subclass's report, but is printed once. */
  private final Set<String> printed = new HashSet<>();
  private boolean sourceLevelReported;

  private Elements elements;
  private Messager messager;
  private Filer filer;
  private TunableClassReader reader;
  /** Null without javac's tree API, where fields of local classes go unchecked. */
  private LocalClassFields localClassFields;
  private HyperparametersWriter hyperparametersWriter;
  private ParametersWriter parametersWriter;
  private ChoiceWriter choiceWriter;
  private final DescriptorWriter descriptorWriter = new DescriptorWriter();

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public TunableProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    elements = environment.getElementUtils();
    messager = environment.getMessager();
    filer = environment.getFiler();
    Trees trees = trees(environment);
    localClassFields = trees == null ? null : new LocalClassFields(trees);
    FieldAccessRules access = new FieldAccessRules(elements);
    reader = new TunableClassReader(elements,
        new HyperparameterValidator(elements, access, InitialValues.from(environment)),
        new LearnedValidator(elements, environment.getTypeUtils(), access), new ClassValidator(elements, trees));
    Optional<AnnotationSpec> generated =
        Writers.generatedAnnotation(elements, TunableProcessor.class.getCanonicalName());
    hyperparametersWriter = new HyperparametersWriter(generated);
    parametersWriter = new ParametersWriter(generated);
    choiceWriter = new ChoiceWriter(generated);
  }

  private static Trees trees(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // not javac: source checks that need trees are skipped
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.HYPERPARAMETER, Names.LEARNED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (localClassFields != null) {
      round.getRootElements().forEach(localClassFields::check);
    }
    if (!checkSourceLevel(round)) {
      return false;
    }
    for (TypeElement type : candidates(round)) {
      if (done.add(type.getQualifiedName().toString())) {
        processClass(type, round.processingOver());
      }
    }
    for (TypeElement type : sealedTypes(round)) {
      processChoice(type);
    }
    return false; // the annotations are Tunable's, but other processors may read them too
  }

  /**
   * Generated code is records, which javac would reject inside the generated files below Java 16
   * (as Maven 3.8 compiles without a release): one error on the first model instead, and none
   * generated.
   */
  private boolean checkSourceLevel(RoundEnvironment round) {
    SourceVersion level = processingEnv.getSourceVersion();
    if (level.compareTo(SourceVersion.RELEASE_16) >= 0) {
      return true;
    }
    if (!sourceLevelReported) {
      candidates(round).stream().findFirst().ifPresent(type -> {
        sourceLevelReported = true;
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.SOURCE_LEVEL.format(type.getQualifiedName(), "Java " + level.name()
                .replace("RELEASE_", "")), type);
      });
    }
    return false;
  }

  /** Classes deferred earlier, classes with annotated fields, and subclasses of those. */
  private Set<TypeElement> candidates(RoundEnvironment round) {
    Set<TypeElement> candidates = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        candidates.add(type);
      }
    }
    deferred.clear();
    for (String annotation : List.of(Names.HYPERPARAMETER, Names.LEARNED)) {
      TypeElement annotationType = elements.getTypeElement(annotation);
      if (annotationType == null) {
        continue;
      }
      for (VariableElement field : ElementFilter.fieldsIn(round.getElementsAnnotatedWith(annotationType))) {
        if (field.getEnclosingElement() instanceof TypeElement type) {
          candidates.add(type);
        }
      }
    }
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      addAnnotatedSubclasses(root, candidates);
    }
    return candidates;
  }

  private static void addAnnotatedSubclasses(TypeElement type, Set<TypeElement> candidates) {
    if (!candidates.contains(type)) {
      for (TypeElement t = TunableClassReader.superclass(type); t != null;
          t = TunableClassReader.superclass(t)) {
        if (!TunableClassReader.declaredAnnotatedFields(t).isEmpty()) {
          candidates.add(type);
          break;
        }
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addAnnotatedSubclasses(nested, candidates);
    }
  }

  /**
   * The sealed types of the round's sources, and those that classes of the round implement
   * directly: their choices are written even where no field of this compilation holds one, so
   * that a recompiled branch or sealed type (as Gradle's incremental build recompiles one file)
   * gets its generated interface and records again.
   */
  private static Set<TypeElement> sealedTypes(RoundEnvironment round) {
    Set<TypeElement> found = new LinkedHashSet<>();
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      addSealedTypes(root, found);
    }
    return found;
  }

  private static void addSealedTypes(TypeElement type, Set<TypeElement> found) {
    if (CompositeTypes.isSealedChoice(type)) {
      found.add(type);
    }
    found.addAll(CompositeTypes.sealedSupertypes(type));
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addSealedTypes(nested, found);
    }
  }

  /** Writes the choice over {@code type} if it is one; nothing it does may stop the others. */
  private void processChoice(TypeElement type) {
    if (generatedNames.contains(Names.hyperparameters(type).canonicalName())) {
      return;
    }
    try {
      Optional<Domain.Choice> choice = reader.family(type);
      if (choice.isPresent()) {
        writeChoice(choice.get());
      }
    } catch (RuntimeException | IOException e) {
      reportInternalError(type, e);
    }
  }

  /** A failure of the processor itself, reported on {@code type} with its stack trace. */
  private void reportInternalError(TypeElement type, Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    messager.printMessage(Diagnostic.Kind.ERROR,
        Message.INTERNAL_ERROR.format(type.getQualifiedName(), trace), type);
  }

  /** Validate, model and write one class; nothing it does may stop the others. */
  private void processClass(TypeElement type, boolean lastRound) {
    try {
      Optional<VariableElement> unresolved = TunableClassReader.unresolved(type);
      if (unresolved.isPresent()) {
        if (lastRound) {
          Report report = new Report();
          report.error(Message.MISSING_TYPE, unresolved.get(), unresolved.get().getSimpleName(),
              unresolved.get().asType());
          print(report);
        } else {
          done.remove(type.getQualifiedName().toString());
          deferred.add(type.getQualifiedName().toString());
        }
        return;
      }
      Report report = new Report();
      Optional<TunableClass> model = reader.read(type, generatedNames, report);
      print(report);
      if (model.isPresent()) {
        write(model.get());
      }
    } catch (RuntimeException | IOException e) {
      reportInternalError(type, e);
    }
  }

  private void print(Report report) {
    for (Report.Entry entry : report.entries()) {
      if (printed.add(entry.text() + '\0' + System.identityHashCode(entry.element()))) {
        Report.print(messager, entry);
      }
    }
  }

  private void write(TunableClass model) throws IOException {
    if (!model.hyperparameters().isEmpty()) {
      hyperparametersWriter.write(model).writeTo(filer);
      generatedNames.add(model.hyperparametersName().canonicalName());
    }
    if (!model.learned().isEmpty()) {
      parametersWriter.write(model).writeTo(filer);
      generatedNames.add(model.parametersName().canonicalName());
    }
    resource(Names.descriptor(model.binaryName()), descriptorWriter.descriptor(model), model.element());
    if (!model.hyperparameters().isEmpty()) {
      resource(Names.schema(model.binaryName()), descriptorWriter.schema(model), model.element());
    }
    for (Domain.Choice choice : model.families()) {
      writeChoice(choice);
    }
    writeChoices(model);
  }

  /** The choices among the fields of {@code model} and of its nested classes and branches. */
  private void writeChoices(TunableClass model) throws IOException {
    for (HyperparameterField field : model.hyperparameters()) {
      if (field.domain() instanceof Domain.Nested nested) {
        writeChoices(nested.type());
      } else if (field.domain() instanceof Domain.Choice choice) {
        writeChoice(choice);
        for (Domain.Branch branch : choice.branches()) {
          writeChoices(branch.type());
        }
      }
    }
  }

  /**
   * The sealed interface of a choice and the records of its branches without hyperparameters,
   * which no processing of their own writes; once, whichever model or branch meets it first.
   */
  private void writeChoice(Domain.Choice choice) throws IOException {
    if (!generatedNames.add(choice.family().canonicalName())) {
      return;
    }
    choiceWriter.write(choice, elements.getTypeElement(choice.sealedType().canonicalName()))
        .writeTo(filer);
    for (Domain.Branch branch : choice.branches()) {
      TunableClass type = branch.type();
      if (type.hyperparameters().isEmpty()
          && generatedNames.add(type.hyperparametersName().canonicalName())) {
        // Its other choices, and this one even where no branch has hyperparameters.
        List<Domain.Choice> families = new ArrayList<>(reader.familiesOf(type.element()));
        if (families.stream().noneMatch(other -> other.family().equals(choice.family()))) {
          families.add(choice);
        }
        hyperparametersWriter.write(type.withFamilies(families)).writeTo(filer);
      }
    }
  }

  private void resource(String path, String content, Element origin) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origin);
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }
}
