package test;

/** Plain gradient descent: a branch with nothing to tune. */
public final class Sgd implements Optimizer {}
