package test;

public class Sub extends GenericBase<double[]> {}
