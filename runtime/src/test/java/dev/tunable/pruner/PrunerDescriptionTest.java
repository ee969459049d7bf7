package dev.tunable.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import org.junit.jupiter.api.Test;

/**
 * A study records each run's pruner (and sampler) by its {@code toString()} (issue 17): every
 * setting must show, so that the run can be rebuilt from the study alone. Each pruner here has
 * every setting off its default, each to a value no other setting has.
 */
class PrunerDescriptionTest {
  @Test
  void eachPrunerNamesEverySetting() {
    assertEquals("Pruners.percentile(25.0) startupTrials=3 warmupSteps=4 interval=5 minTrials=6",
        Pruners.percentile(25).withStartupTrials(3).withWarmupSteps(4).withInterval(5)
            .withMinTrials(6).toString());
    assertEquals("Pruners.successiveHalving() minResource=3 reductionFactor=5"
            + " minEarlyStoppingRate=2 bootstrapCount=7",
        Pruners.successiveHalving().withMinResource(3).withReductionFactor(5)
            .withMinEarlyStoppingRate(2).withBootstrapCount(7).toString());
    assertEquals("Pruners.hyperband() minResource=2 maxResource=81 reductionFactor=4",
        Pruners.hyperband().withMinResource(2).withMaxResource(81).withReductionFactor(4)
            .toString());
    assertEquals("Pruners.threshold(-1.0, 9.5) warmupSteps=3 interval=2",
        Pruners.threshold(-1, 9.5).withWarmupSteps(3).withInterval(2).toString());
    assertEquals("Pruners.patience(4, Pruners.percentile(50.0) startupTrials=2 warmupSteps=0"
            + " interval=1 minTrials=1) minDelta=0.5",
        Pruners.patience(4, Pruners.median().withStartupTrials(2)).withMinDelta(0.5).toString());
    assertEquals("Pruners.folds() minFolds=4 standardErrors=1.5 margin=0.25",
        Pruners.folds().withMinFolds(4).withStandardErrors(1.5).withMargin(0.25).toString());
    assertEquals("Pruners.none()", Pruners.none().toString());
  }

  /** The one sampler setting the expressions of SamplerSettingsTest leave out: CMA-ES's start. */
  @Test
  void cmaEsNamesItsStart() {
    Config start = Config.builder().set(Dimension.real("x", 0, 5), 3.0).build();
    assertEquals("Samplers.cmaEs(2).withStart({x=3.0})",
        Samplers.cmaEs(2).withStart(start).toString());
  }
}
