package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tunable.Condition;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a model whose optimizer is a sealed interface (a choice among its permitted classes,
 * one with nothing to tune) and whose schedule is a class with hyperparameters (a nested space),
 * compiled with the processor; the generated code is run.
 */
class ConditionalModelTest {
  static final List<String> MODEL = List.of("Mlp", "Optimizer", "Sgd", "RmsProp", "Adam", "Schedule");

  private static ClassLoader loader;

  @TempDir Path directory;

  @BeforeAll
  static void compile() {
    Compilation compilation = Fixtures.compile(Fixtures.good(MODEL.toArray(String[]::new)));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Fixtures.classLoader(compilation);
  }

  @Test
  void theSpaceHasTheChoiceItsBranchesAndTheNestedClassUnderDottedNames() throws Exception {
    SearchSpace<?> space = space("test.MlpHyperparameters");
    assertEquals(List.of("learningRate", "optimizer", "optimizer.rmsProp.decay",
            "optimizer.rmsProp.centered", "optimizer.adam.beta1", "optimizer.adam.beta2",
            "schedule.warmup"),
        space.dimensions().stream().map(Dimension::name).toList());
    assertEquals(List.of("sgd", "rmsProp", "adam"),
        ((dev.tunable.CategoricalDimension<?>) space.dimension("optimizer")).labels());
    assertEquals(Condition.of("optimizer", "adam"),
        space.condition("optimizer.adam.beta1").orElseThrow());
    assertTrue(space.condition("schedule.warmup").isEmpty());
  }

  @Test
  void aFreshModelsValuesAreTheSpacesDefaults() throws Exception {
    Object fresh = call(type("test.MlpHyperparameters"), "of", newModel("test.Mlp"));
    Object adam = field(fresh, "optimizer");
    assertEquals("test.AdamHyperparameters", adam.getClass().getName());
    assertEquals(0.9, field(adam, "beta1"));
    assertEquals(2, field(field(fresh, "schedule"), "warmup"));
    assertEquals(ordered("learningRate", 0.01, "optimizer", "adam", "optimizer.adam.beta1", 0.9,
            "optimizer.adam.beta2", 0.999, "schedule.warmup", 2L),
        ((Config) call(fresh, "toConfig")).asMap());
    // Every key left out: the defaults of the model, of Adam (its initializer) and of Schedule.
    assertEquals(fresh, call(type("test.MlpHyperparameters"), "parse", Map.of()));
  }

  @Test
  void valuesGoThroughConfigurationsBranchByBranch() throws Exception {
    Class<?> mlp = type("test.MlpHyperparameters");
    for (Map<String, String> values : List.of(
        Map.of("optimizer", "sgd"),
        Map.of("optimizer", "rmsProp", "optimizer.rmsProp.centered", "true"),
        Map.of("optimizer", "adam", "optimizer.adam.beta1", "0.85", "schedule.warmup", "7"))) {
      Object parsed = call(mlp, "parse", values);
      Config config = (Config) call(parsed, "toConfig");
      assertEquals(parsed, call(mlp, "fromConfig", config));
      assertEquals(parsed, space("test.MlpHyperparameters").create(config));
      for (Map.Entry<String, String> value : values.entrySet()) {
        assertEquals(value.getValue(), String.valueOf(config.get(value.getKey())));
      }
    }
    Object sgd = call(mlp, "parse", Map.of("optimizer", "sgd"));
    assertEquals("test.SgdHyperparameters", field(sgd, "optimizer").getClass().getName());
    assertEquals(List.of("learningRate", "optimizer", "schedule.warmup"),
        List.copyOf(((Config) call(sgd, "toConfig")).asMap().keySet()));
  }

  @Test
  void applyToSetsAFreshInstanceOfTheChosenClassWithItsValues() throws Exception {
    Class<?> mlp = type("test.MlpHyperparameters");
    Object values = call(mlp, "parse", Map.of("optimizer", "rmsProp",
        "optimizer.rmsProp.decay", "0.95", "optimizer.rmsProp.centered", "true",
        "schedule.warmup", "5"));
    Object model = newModel("test.Mlp");
    Object schedule = modelField(model, "schedule");
    assertSame(model, call(values, "applyTo", model));
    Object optimizer = modelField(model, "optimizer");
    assertEquals("test.RmsProp", optimizer.getClass().getName());
    assertEquals(0.95, modelField(optimizer, "decay"));
    assertEquals(true, modelField(optimizer, "centered"));
    assertNotSame(schedule, modelField(model, "schedule"), "a fresh instance");
    assertEquals(5, modelField(modelField(model, "schedule"), "warmup"));
    assertEquals(values, call(mlp, "of", model));

    Object sgd = call(mlp, "parse", Map.of("optimizer", "sgd"));
    call(sgd, "applyTo", model);
    assertEquals("test.Sgd", modelField(model, "optimizer").getClass().getName());
  }

  @Test
  void ofANullChoiceOrNestedFieldNamesTheField() throws Exception {
    Object model = newModel("test.Mlp");
    setModelField(model, "optimizer", null);
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> call(type("test.MlpHyperparameters"), "of", model));
    assertEquals("field 'optimizer' of Mlp is null, but hyperparameter 'optimizer' needs an"
        + " instance", e.getMessage());
  }

  @Test
  void overridingTheChoiceDropsTheOldBranchsValues() throws Exception {
    Object fresh = call(type("test.MlpHyperparameters"), "of", newModel("test.Mlp"));
    Object sgd = call(fresh, "overriddenBy", (Object) new String[] {"optimizer=sgd"});
    assertEquals("test.SgdHyperparameters", field(sgd, "optimizer").getClass().getName());
    Object rms = call(sgd, "overriddenBy",
        (Object) new String[] {"optimizer=rmsProp", "optimizer.rmsProp.centered=false"});
    assertEquals(0.9, field(field(rms, "optimizer"), "decay"), "RmsProp's default");
  }

  @Test
  void aFileOfOneBranchLoadsAndAKeyOfAnotherIsRefusedNamingItsBranch() throws Exception {
    Class<?> mlp = type("test.MlpHyperparameters");
    Path json = Files.writeString(directory.resolve("mlp.json"),
        "{\"optimizer\": \"rmsProp\", \"optimizer.rmsProp.centered\": true}");
    Object loaded = call(mlp, "load", json);
    assertEquals(true, field(field(loaded, "optimizer"), "centered"));
    Path properties = Files.writeString(directory.resolve("mlp.properties"),
        "optimizer.adam.beta1 = 0.95\nschedule.warmup = 3\n");
    Object adam = call(mlp, "load", properties);
    assertEquals(0.95, field(field(adam, "optimizer"), "beta1"), "adam by default");

    Path wrong = Files.writeString(directory.resolve("wrong.json"),
        "{\"optimizer\": \"sgd\", \"optimizer.adam.beta1\": 0.95}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> call(mlp, "load", wrong));
    assertTrue(e.getMessage().contains("'optimizer.adam.beta1' belongs to the branch"
        + " optimizer = adam, but optimizer is sgd"), e.getMessage());
  }

  @Test
  void theGeneratedInterfaceIsSealedOverTheBranchesRecords() throws Exception {
    Class<?> family = type("test.OptimizerHyperparameters");
    assertTrue(family.isSealed());
    assertEquals(List.of("test.SgdHyperparameters", "test.RmsPropHyperparameters",
            "test.AdamHyperparameters"),
        Arrays.stream(family.getPermittedSubclasses()).map(Class::getName).toList());
    assertEquals(0, type("test.SgdHyperparameters").getRecordComponents().length);
  }

  @Test
  void aChoiceWithoutANewInstanceAsInitializerHasNoDefault() throws Exception {
    List<javax.tools.JavaFileObject> sources = new ArrayList<>(
        Fixtures.good("Optimizer", "Sgd", "RmsProp", "Adam"));
    sources.add(JavaFileObjects.forSourceString("test.Bare", """
        package test;
        import dev.tunable.annotations.Hyperparameter;
        public class Bare {
          @Hyperparameter Optimizer optimizer = pick();

          static Optimizer pick() {
            return new Sgd();
          }
        }
        """));
    Compilation compilation = Fixtures.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> bare = Fixtures.classLoader(compilation).loadClass("test.BareHyperparameters");
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> method(bare, "parse", 1).invoke(null, Map.of()));
    assertTrue(e.getCause().getMessage().contains("'optimizer' is missing and has no default"),
        e.getCause().getMessage());
  }

  @Test
  void aSealedAbstractClassIsAChoiceToo() throws Exception {
    Compilation compilation = Fixtures.compile(List.of(JavaFileObjects.forSourceString("test.Net",
        """
        package test;
        import dev.tunable.annotations.Hyperparameter;
        public class Net {
          public abstract static sealed class Activation permits Relu, Leaky {}
          public static final class Relu extends Activation {}
          public static final class Leaky extends Activation {
            @Hyperparameter(range = {0.01, 0.3}) double slope = 0.1;
          }
          @Hyperparameter Activation activation = new Leaky();
        }
        """)));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader net = Fixtures.classLoader(compilation);
    Class<?> record = net.loadClass("test.NetHyperparameters");
    Object values = method(record, "parse", 1).invoke(null,
        Map.of("activation.leaky.slope", "0.2"));
    Object model = net.loadClass("test.Net").getConstructor().newInstance();
    method(record, "applyTo", 1).invoke(values, model);
    Object activation = modelField(model, "activation");
    assertEquals("test.Net$Leaky", activation.getClass().getName());
    assertEquals(0.2, modelField(activation, "slope"));
    assertEquals(List.of("test.Net_ReluHyperparameters", "test.Net_LeakyHyperparameters"),
        Arrays.stream(net.loadClass("test.Net_ActivationHyperparameters").getPermittedSubclasses())
            .map(Class::getName).toList());
  }

  // ---- reflection over the generated classes

  static Class<?> type(String name) throws ClassNotFoundException {
    return loader.loadClass(name);
  }

  static SearchSpace<?> space(String record) throws Exception {
    return (SearchSpace<?>) type(record).getField("SPACE").get(null);
  }

  static Object newModel(String name) throws Exception {
    var constructor = type(name).getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  static Object field(Object record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }

  static Object modelField(Object model, String name) throws Exception {
    var field = model.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(model);
  }

  static void setModelField(Object model, String name, Object value) throws Exception {
    var field = model.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(model, value);
  }

  /** Calls a static method of a class, or an instance method, unwrapping what it throws. */
  static Object call(Object target, String name, Object... args) throws Exception {
    Class<?> type = target instanceof Class<?> c ? c : target.getClass();
    Method method = method(type, name, args.length, args);
    try {
      return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private static Method method(Class<?> type, String name, int arity, Object... args) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arity
          && (args.length == 0 || accepts(method.getParameterTypes(), args))) {
        return method;
      }
    }
    throw new AssertionError(type + " has no " + name + " taking " + arity);
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && !parameters[i].isInstance(args[i]) && !parameters[i].isPrimitive()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
