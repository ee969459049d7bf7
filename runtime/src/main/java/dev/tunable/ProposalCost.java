package dev.tunable;

import dev.tunable.sampler.AutoSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study records of a proposal besides its values: for the {@linkplain AutoSampler
 * automatic sampler}, which sampler it chose and the CPU time the proposal took, which its later
 * choices read. CPU time of the proposing thread, not the wall clock, so that other processes on a
 * busy machine do not make a sampler look costly.
 */
final class ProposalCost {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

  private ProposalCost() {}

  /** The current thread's CPU time, or the wall clock where the JVM cannot measure it. */
  static long nanos() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** The attributes to record with the trial {@code sampler} proposed for {@code context}. */
  static Map<String, Object> attributes(Sampler sampler, SamplerContext context, long costNanos) {
    if (!(sampler instanceof AutoSampler auto)) {
      return Map.of();
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(AutoSampler.SAMPLER_ATTRIBUTE, auto.choice(context));
    // Hundredths of a millisecond: finer than any decision needs, and short in the journal.
    attributes.put(AutoSampler.COST_ATTRIBUTE, Math.round(costNanos / 1e4) / 100.0);
    return attributes;
  }
}
