package test;

class Trainer {
  void cheat(Model model) {
    model.weights = new double[] {9, 9}; // error: [LearnedSetFromOutside] learned field 'weights' of Model is set in Trainer, outside the model; learned state is set by training: train the model, or restore saved state with ModelParameters.restore(model)
    model.bias++; // error: [LearnedSetFromOutside] learned field 'bias' of Model is set in Trainer
    model.weights[0] = 1; // writes an element, not the field
    ModelParameters.capture(model).restore(model);
  }
}
