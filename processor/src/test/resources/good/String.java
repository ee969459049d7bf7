package test;

/** A type of the model's package named like java.lang.String, which generated code uses. */
public class String {}
