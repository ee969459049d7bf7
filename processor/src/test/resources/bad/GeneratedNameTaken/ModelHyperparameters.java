package test;

/** Written by hand, under the name the processor would generate. */
public class ModelHyperparameters {}
