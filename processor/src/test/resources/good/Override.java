package test;

/** A type of the model's package named like java.lang.Override, which generated code uses. */
public class Override {}
