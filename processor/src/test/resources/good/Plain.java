package test;

/** Inherits annotated fields and declares none: gets generated classes of its own. */
public class Plain extends Derived {}
