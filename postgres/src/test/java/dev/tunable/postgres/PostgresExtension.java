package dev.tunable.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PostgresServer}: one private cluster for the whole test run, started by the
 * first test that asks for it and stopped when the run ends. Tests never skip for want of a
 * server: without PostgreSQL's programs they fail, saying how to install them.
 */
public final class PostgresExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  /** The run's server; closed by JUnit with the root store, as an {@link AutoCloseable}. */
  static PostgresServer server(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PostgresServer.class, key -> PostgresServer.start(),
            PostgresServer.class);
  }
}
