package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the module path, the runtime's {@code Storages.open} finds the storage through the module's
 * {@code provides}, and the storage reaches the event codec through the runtime's qualified
 * export; the module exports nothing.
 */
@ExtendWith(PostgresExtension.class)
class ModulePathTest {
  private final PostgresServer server;

  ModulePathTest(PostgresServer server) {
    this.server = server;
  }

  private static Path location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void storagesOpenFindsTheStorageOnTheModulePath() throws Exception {
    ModuleFinder finder = ModuleFinder.of(location(PostgresStorage.class), location(Study.class),
        location(Scale.class), location(org.postgresql.Driver.class),
        location(org.apache.commons.math3.random.SobolSequenceGenerator.class),
        location(com.fasterxml.jackson.core.JsonFactory.class),
        location(org.slf4j.Logger.class));
    ModuleDescriptor descriptor = finder.find("dev.tunable.postgres").orElseThrow().descriptor();
    assertEquals(Set.of(), descriptor.exports());
    assertEquals(List.of(PostgresStorageProvider.class.getName()), descriptor.provides().stream()
        .filter(p -> p.service().equals("dev.tunable.storage.StorageProvider"))
        .findFirst().orElseThrow().providers());
    Configuration configuration = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.tunable"));
    ModuleLayer layer = ModuleLayer.boot()
        .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    String url = server.freshUrl();
    try (dev.tunable.storage.Storage onTheClassPath = dev.tunable.Storages.open(url)) {
      onTheClassPath.append(0, news -> List.of(new dev.tunable.storage.Event.TrialReported(
          "s", 0, 1, 2.5)));
    }
    ClassLoader loader = layer.findLoader("dev.tunable");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> storages = loader.loadClass("dev.tunable.Storages");
      Object storage = storages.getMethod("open", String.class).invoke(null, url);
      try {
        assertEquals("dev.tunable.postgres", storage.getClass().getModule().getName());
        Class<?> api = loader.loadClass("dev.tunable.storage.Storage");
        Object batch = api.getMethod("read", long.class).invoke(storage, 0L);
        Method events = batch.getClass().getMethod("events");
        List<?> read = (List<?>) events.invoke(batch); // decoded by the runtime's EventCodec
        assertEquals(1, read.size());
        assertEquals("dev.tunable", read.get(0).getClass().getModule().getName());
        assertEquals("TrialReported[study=s, number=0, step=1, values=[2.5]]",
            read.get(0).toString());
      } finally {
        ((AutoCloseable) storage).close();
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
