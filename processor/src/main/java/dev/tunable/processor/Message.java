package dev.tunable.processor;

import dev.tunable.internal.rules.Rule;

/**
 * Every diagnostic the processor reports, each with a stable tag that starts its message. Messages
 * name the subject (a quoted field), the rule, the actual value and the fix. A message that words
 * one of the {@link Rule rules} the runtime shares carries that rule and, mostly, its tag.
 */
enum Message {
  // Fields, whichever annotation they carry.
  PRIVATE_FIELD("PrivateField",
      "field '%s' is private, but the generated %s sets it directly, without reflection; remove"
          + " 'private' (package-private is enough)"),
  FINAL_FIELD("FinalField",
      "field '%s' is final, but the generated %s assigns it; remove 'final'"),
  STATIC_FIELD("StaticField",
      "field '%s' is static, but a %s belongs to one model instance; remove 'static'"),
  FIELD_OF_RECORD_OR_INTERFACE("FieldOfRecordOrInterface",
      "field '%s' belongs to %s %s, %s, but the generated %s sets it on a model instance; declare"
          + " the field in a class"),
  INACCESSIBLE_INHERITED_FIELD("InaccessibleInheritedField",
      "field '%s' is inherited from %s in another package and is not public, so the generated %s"
          + " cannot reach it; make the field public"),
  LOCAL_CLASS_FIELD("LocalClassField",
      "field '%s' is @%s but belongs to %s, which no generated code can reach, so it would never"
          + " be set; declare the class as a nested or top-level class instead"),
  BOTH_ANNOTATIONS("BothAnnotations",
      "field '%s' is both @Hyperparameter and @Learned; a value is either chosen before training or"
          + " learned by it: keep one annotation"),
  LEARNED_TYPE_VARIABLE("LearnedTypeVariable",
      "learned field '%s' has type %s, which uses a type variable of %s that generated code cannot"
          + " name; use a concrete type"),
  LEARNED_CODEC_NOT_NEEDED("LearnedCodecNotNeeded",
      "learned field '%s' has type %s, which the generated code copies as it is; remove codec = %s"),
  LEARNED_CODEC_NOT_INSTANTIABLE("LearnedCodecNotInstantiable",
      "codec %s of learned field '%s' cannot be created by the generated code; make it a"
          + " non-abstract, non-generic top-level or static nested class with a no-argument"
          + " constructor that package %s can reach"),
  LEARNED_CODEC_WRONG_TYPE("LearnedCodecWrongType",
      "codec %s of learned field '%s' is not a LearnedCodec<%s>; implement"
          + " dev.tunable.annotations.LearnedCodec<%s>"),
  MISSING_TYPE("MissingType",
      "field '%s' has type %s, which could not be resolved; fix the type (or the processor that"
          + " should generate it)"),

  // Hyperparameter types.
  UNSUPPORTED_TYPE("UnsupportedType",
      "hyperparameter '%s' has type %s, which is not supported; %s"),
  BOXED_TYPE("BoxedType",
      "hyperparameter '%s' has type %s, which can be null, but a hyperparameter always has a value;"
          + " declare it %s"),
  STRING_WITHOUT_CHOICES("StringWithoutChoices",
      "hyperparameter '%s' of type String needs the values it may take; add choices = {\"a\", \"b\"}"),

  // Nested classes and choices among the permitted classes of a sealed type.
  CHOICE_NOT_SEALED("ChoiceNotSealed",
      "hyperparameter '%s' has type %s, %s that is not sealed, so the classes to choose among are"
          + " not known at compile time; declare it sealed with the classes in permits"
          + " (%s permits A, B), or use a concrete class with @Hyperparameter fields"),
  BRANCH_NOT_A_CLASS("BranchNotAClass",
      "hyperparameter '%s': %s permits %s, %s, but each choice of %s must be a class whose fields"
          + " the generated code sets; %s"),
  NOT_INSTANTIABLE("NotInstantiable",
      "hyperparameter '%s': the generated code in package %s creates %s with new %s(), but it"
          + " %s; %s"),
  BRANCH_LABEL_CLASH("BranchLabelClash",
      "hyperparameter '%s': the permitted classes %s and %s of %s are both the choice \"%s\";"
          + " rename one of the classes"),
  NESTED_WITHOUT_HYPERPARAMETERS("NestedWithoutHyperparameters",
      "hyperparameter '%s' has type %s, a class without @Hyperparameter fields, so it has nothing"
          + " to tune; annotate the fields of %s to tune, or remove @Hyperparameter from '%s'"),
  NESTED_CYCLE("NestedCycle",
      "hyperparameter '%s' closes a cycle of nested classes (%s), so its space would never end;"
          + " remove @Hyperparameter from one field of the cycle"),
  DOTTED_NAME_CLASH("DottedNameClash",
      "hyperparameter '%s' has the dimension \"%s\", but so has hyperparameter '%s' (names of"
          + " nested classes and choices are dotted); give one of them another name = \"...\""),

  // range, scale and step.
  MISSING_RANGE("MissingRange",
      "hyperparameter '%s' of type %s needs a range; add range = {min, max}"),
  RANGE_NOT_TWO_BOUNDS("RangeNotTwoBounds",
      "hyperparameter '%s': range must be {min, max}, got %s; give exactly two bounds"),
  SINGLE_VALUE_RANGE(Rule.SINGLE_VALUE_RANGE,
      "hyperparameter '%s': range {%s, %s} holds a single value, and a fixed value is not a"
          + " hyperparameter; widen the range or remove @Hyperparameter"),
  INVERTED_RANGE(Rule.INVERTED_RANGE,
      "hyperparameter '%s': range {%s, %s} is inverted; write the lower bound first: range = {%s, %s}"),
  NON_FINITE_BOUND(Rule.NON_FINITE_BOUND,
      "hyperparameter '%s': bound %s is not a finite number; use finite bounds"),
  RANGE_TOO_WIDE(Rule.RANGE_TOO_WIDE,
      "hyperparameter '%s': range {%s, %s} is wider than the largest double, so values inside it"
          + " cannot be computed; narrow the range"),
  LOG_SCALE_BOUND(Rule.LOG_SCALE_BOUND,
      "hyperparameter '%s': scale = Scale.LOG needs bounds above 0, got %s; use a positive lower"
          + " bound (such as %s) or scale = Scale.LINEAR"),
  FRACTIONAL_BOUND("FractionalBound",
      "hyperparameter '%s' of type %s: bound %s is not a whole number; use whole bounds or declare"
          + " the field double"),
  INTEGER_DIVISION("IntegerDivision",
      "hyperparameter '%s': %s holds %s, a division of integers, which Java truncates to %s; write"
          + " %s"),
  BOUND_OUT_OF_TYPE(Rule.BOUND_OUT_OF_TYPE,
      "hyperparameter '%s' of type %s: bound %s is outside [%s, %s]; %s"),
  RANGE_NOT_APPLICABLE("RangeNotApplicable",
      "hyperparameter '%s' of type %s takes no range, its values are %s; remove range"),
  SCALE_NOT_APPLICABLE("ScaleNotApplicable",
      "hyperparameter '%s' of type %s has no scale, its values are %s; remove scale"),
  STEP_NOT_APPLICABLE("StepNotApplicable",
      "hyperparameter '%s' of type %s takes no step, its values are %s; remove step"),
  STEP_NOT_POSITIVE(Rule.STEP_NOT_POSITIVE,
      "hyperparameter '%s': step must be above 0, got %s; use a positive step, or leave step out"
          + " for a continuous range"),
  FRACTIONAL_STEP("FractionalStep",
      "hyperparameter '%s' of type %s: step %s is not a whole number; use a whole step or declare"
          + " the field double"),
  STEP_WITH_LOG_SCALE(Rule.STEP_WITH_LOG_SCALE,
      "hyperparameter '%s': step %s cannot be combined with scale = Scale.LOG, which has no even"
          + " grid; remove the step or use Scale.LINEAR"),
  STEP_NOT_DIVIDING(Rule.STEP_NOT_DIVIDING,
      "hyperparameter '%s': step %s does not divide range {%s, %s} (it fits %s times); use a step"
          + " that fits a whole number of times, or change the upper bound to %s"),
  TOO_MANY_STEPS(Rule.TOO_MANY_STEPS,
      "hyperparameter '%s': step %s cuts range {%s, %s} into more than 2^53 values, too many to"
          + " count; use a larger step, or leave step out for a continuous range"),
  INEXACT_FLOAT_STEP(Rule.INEXACT_FLOAT_STEP,
      "hyperparameter '%s' of type float: %s, a value of range {%s, %s} in steps of %s, is not an"
          + " exact float, so values cannot be checked against the grid; declare the field double"
          + " or use a step such as 0.5 or 0.25"),

  // choices.
  CHOICES_NOT_APPLICABLE("ChoicesNotApplicable",
      "hyperparameter '%s' of type %s takes no choices, which are for String and enum fields;"
          + " remove choices"),
  EMPTY_CHOICES(Rule.EMPTY_CHOICES,
      "hyperparameter '%s': choices = {} is empty; %s"),
  DUPLICATE_CHOICE(Rule.DUPLICATE_CHOICE,
      "hyperparameter '%s': choice \"%s\" appears twice; remove the repetition"),
  BLANK_CHOICE(Rule.BLANK_CHOICE,
      "hyperparameter '%s': choice \"%s\" is blank and cannot be written in a configuration file;"
          + " use a visible label"),
  PADDED_CHOICE(Rule.PADDED_CHOICE,
      "hyperparameter '%s': choice \"%s\" starts or ends with white space, which configuration"
          + " files drop, so it could not be read back; use \"%s\""),
  UNENCODABLE_CHOICE(Rule.UNENCODABLE_CHOICE,
      "hyperparameter '%s': choice \"%s\" %s"),
  UNKNOWN_ENUM_CHOICE("UnknownEnumChoice",
      "hyperparameter '%s': \"%s\" is not a constant of %s%s; the constants are %s"),

  // name and description.
  BLANK_NAME(Rule.BLANK_NAME,
      "hyperparameter '%s': name = \"%s\" is blank; give a name or leave name out to use the"
          + " field's name"),
  INVALID_NAME(Rule.INVALID_NAME,
      "hyperparameter '%s': name \"%s\" cannot be a key in configuration files and key=value"
          + " overrides; start with a letter or '_' and use only letters, digits, '_', '-' and"
          + " '.'"),
  NAME_TOO_LONG(Rule.NAME_TOO_LONG,
      "hyperparameter '%s': name \"%s\" %s: a name is stored with every trial's values; use a"
          + " shorter name = \"...\""),
  BLANK_DESCRIPTION("BlankDescription",
      "hyperparameter '%s': description = \"%s\" is blank; say what the hyperparameter does or"
          + " leave description out"),

  // Initial values known from the source.
  INITIAL_VALUE_OUT_OF_RANGE("InitialValueOutOfRange", Rule.OUT_OF_RANGE,
      "hyperparameter '%s': the initial value %s is outside range {%s, %s}, so a fresh model holds a"
          + " value its own search space rejects; change the initial value or the range"),
  INITIAL_VALUE_OFF_STEP("InitialValueOffStep", Rule.OFF_STEP,
      "hyperparameter '%s': the initial value %s is not on the grid of range {%s, %s} in steps of"
          + " %s; change the initial value or the step"),
  INITIAL_VALUE_NOT_A_CHOICE("InitialValueNotAChoice",
      "hyperparameter '%s': the initial value %s is not one of the choices %s; add it to the choices"
          + " or change the initial value"),

  // Across the fields of one class.
  DUPLICATE_NAME("DuplicateName",
      "hyperparameters '%s' and '%s' are both named \"%s\", but names must be unique in a search"
          + " space; give one of them another name = \"...\""),
  CONSTANT_CLASH("ConstantClash",
      "hyperparameters '%s' and '%s' both become the constant %s of the generated %s; rename one"
          + " of the fields"),
  HIDDEN_FIELD("HiddenField",
      "field '%s' hides the field of the same name in %s, and both are annotated; rename one of"
          + " them"),
  HIDDEN_INHERITED_FIELD("HiddenInheritedField",
      "field '%s' of %s hides the %s field of the same name in %s, so the generated code would"
          + " reach this field instead of that one; rename this field"),
  FIELD_NAMED_LIKE_CONSTANT("FieldNamedLikeConstant",
      "hyperparameter '%s' has the name of its own dimension constant in the generated %s; name"
          + " the field in lowerCamelCase"),
  UNREACHABLE_TYPE("UnreachableType",
      "field '%s' has type %s, which %s, so the generated %s cannot name it; %s"),
  RESERVED_NAME("ReservedName",
      "field '%s' clashes with %s of the generated %s; rename the field"),
  UNREACHABLE_CLASS("UnreachableClass",
      "class %s is %s, so the generated %s cannot reach it; %s"),
  RUNTIME_MISSING("RuntimeMissing",
      "class %s has hyperparameters, so the generated %s uses the runtime (dev.tunable.SearchSpace),"
          + " which is not on the class path; add the dependency dev.tunable:tunable-runtime, or"
          + " leave the processor out of a library that only declares its models"),
  GENERATED_NAME_TAKEN("GeneratedNameTaken",
      "class %s would generate %s, but a type of that name already exists; rename that type"),

  // Method bodies, checked by the TunableChecks compiler plugin.
  HYPERPARAMETER_ASSIGNED_IN_TRAINING("HyperparameterAssignedInTraining",
      "hyperparameter '%s' is assigned in %s, a method of its own model; a hyperparameter is chosen"
          + " before training and training must not change it: keep the changing value in a local"
          + " variable or a @Learned field, or set it in a constructor"),
  LEARNED_SET_FROM_OUTSIDE("LearnedSetFromOutside",
      "learned field '%s' of %s is set in %s, outside the model; learned state is set by training:"
          + " train the model, or restore saved state with %s.%s(model)"),

  // The compilation as a whole.
  SOURCE_LEVEL("SourceLevel",
      "class %s gets generated records, but this compilation is for %s, which has none; compile"
          + " for Java 16 or later (Maven: <release>17</release> in maven-compiler-plugin's"
          + " configuration; javac: --release 17)"),

  INTERNAL_ERROR("InternalError",
      "the Tunable processor failed on %s; this is a bug, please report it with this stack trace:%n%s");

  private final String tag;
  private final Rule rule;
  private final String template;

  /** A rule of the source alone, which the runtime has no equivalent of. */
  Message(String tag, String template) {
    this(tag, null, template);
  }

  /** A shared rule, under the tag the runtime reports it with too. */
  Message(Rule rule, String template) {
    this(rule.tag(), rule, template);
  }

  /** A shared rule under a tag of its own, where the source says more, as of initial values. */
  Message(String tag, Rule rule, String template) {
    this.tag = tag;
    this.rule = rule;
    this.template = template;
  }

  /** The message that words {@code rule}. */
  static Message of(Rule rule) {
    for (Message message : values()) {
      if (message.rule == rule) {
        return message;
      }
    }
    throw new IllegalArgumentException("no message words " + rule);
  }

  /** The stable tag users can search for, such as {@code InvertedRange}. */
  String tag() {
    return tag;
  }

  /** The full message: {@code [Tag] } followed by the template filled with {@code args}. */
  String format(Object... args) {
    return "[" + tag + "] " + String.format(template, args);
  }
}
