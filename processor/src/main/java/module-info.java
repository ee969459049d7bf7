/**
 * Tunable's annotation processor, and the javac plugin {@code Tunable} that checks method bodies.
 * It exports nothing: its classes are public only so that {@link java.util.ServiceLoader} can
 * create them. Put it on the processor module path ({@code --processor-module-path}) with JavaPoet
 * and {@code dev.tunable.annotations}, or on the processor path as before; it never needs the
 * runtime.
 *
 * @since 0.1
 */
// JavaPoet names no module of its own: its jar's Automatic-Module-Name, com.palantir.javapoet, is
// required, and so is AutoService's, com.google.auto.service, at compile time only.
@SuppressWarnings("requires-automatic")
module dev.tunable.processor {
  requires java.compiler;
  // com.sun.source: the plugin's attributed trees, and Trees for the processor's source positions.
  requires jdk.compiler;
  requires dev.tunable.annotations;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;
  // For dev.tunable.internal.rules at compile time only, which the runtime exports to this module
  // alone: the build shades that package into this jar as dev.tunable.processor.shaded.rules, so
  // nothing of the runtime is needed at run time.
  requires static dev.tunable;

  provides javax.annotation.processing.Processor with dev.tunable.processor.TunableProcessor;
  provides com.sun.source.util.Plugin with dev.tunable.processor.TunableChecks;
}
