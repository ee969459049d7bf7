package dev.tunable.internal.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: univariate TPE cached the order of the last history's values and reused it for any
 * history whose trials had the same numbers, so one sampler serving two studies on one space
 * proposed from the other study's order (found by the sampler contract).
 */
class TpeSamplerSharedByTwoStudiesTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).real("y", -1, 1).build();

  private static Study study(Sampler sampler) {
    return Study.builder().sampler(sampler).progress(false).build();
  }

  private static double bowl(Trial<Config> trial, double centre) {
    double x = trial.params().getDouble("x") - centre;
    double y = trial.params().getDouble("y") + centre;
    return x * x + y * y;
  }

  private static List<Config> params(Study study) {
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void aSamplerSharedByTwoStudiesOnOneSpaceProposesAsOneForEachWould() {
    Sampler shared = Samplers.tpe(7);
    Study a = study(shared);
    Study b = study(shared);
    Study aAlone = study(Samplers.tpe(7));
    Study bAlone = study(Samplers.tpe(7));
    for (int n = 0; n < 25; n++) {
      for (Study study : List.of(a, b, aAlone, bAlone)) {
        Trial<Config> trial = study.ask(SPACE);
        study.tell(trial, bowl(trial, study == a || study == aAlone ? 0.2 : 0.7));
      }
    }
    assertEquals(params(aAlone), params(a));
    assertEquals(params(bAlone), params(b));
  }
}
