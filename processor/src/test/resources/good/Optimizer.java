package test;

/** How weights follow the gradient: a choice among the permitted classes. */
public sealed interface Optimizer permits Sgd, RmsProp, Adam {}
