package dev.tunable.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports its one package and reads the runtime and XGBoost4J, nothing else of ours. */
class ModuleTest {

  @Test
  void exportsTheCallbackPackageOnly() throws Exception {
    Path classes = Path.of(PruningCallback.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(classes).find("dev.tunable.xgboost")
        .orElseThrow().descriptor();
    assertEquals(Set.of("dev.tunable.xgboost"), descriptor.exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertEquals(Set.of("java.base", "dev.tunable", "ml.dmlc.xgboost4j"), descriptor.requires()
        .stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
  }
}
