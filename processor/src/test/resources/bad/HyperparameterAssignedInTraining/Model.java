package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Model {
  @Hyperparameter(range = {1e-4, 1}) double learningRate = 0.1;
  @Hyperparameter(range = {1, 100}) int epochs = 10;
  @Learned double weight;

  Model() {
    learningRate = 0.01; // a constructor sets defaults
  }

  void fit() {
    for (int epoch = 0; epoch < epochs; epoch++) {
      weight += learningRate;
      learningRate *= 0.9; // error: [HyperparameterAssignedInTraining] hyperparameter 'learningRate' is assigned in fit(), a method of its own model; a hyperparameter is chosen before training and training must not change it
    }
    Runnable more = () -> this.epochs++; // error: [HyperparameterAssignedInTraining] hyperparameter 'epochs' is assigned in fit()
    more.run();
    Runnable decay = new Runnable() {
      @Override
      public void run() {
        learningRate /= 2; // error: [HyperparameterAssignedInTraining] hyperparameter 'learningRate' is assigned in run()
      }
    };
    decay.run();
  }

  // Regression: factories and builders make models, they do not train them.
  static Model withRate(double rate) {
    Model model = new Model();
    model.learningRate = rate;
    return model;
  }

  static class Builder {
    private int epochs = 10;

    Model build() {
      Model model = new Model();
      model.epochs = epochs;
      return model;
    }
  }
}

class Subclass extends Model {
  void tune() {
    epochs = 5; // error: [HyperparameterAssignedInTraining] hyperparameter 'epochs' is assigned in tune()
  }
}
