package dev.tunable.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form in which hyperparameter values and user attributes are stored: {@link Double}, {@link
 * Long}, {@link Boolean} or {@link String} (a categorical choice's label). Every storage holds this
 * form, so that a trial read back from a file equals the one that was written.
 */
public final class StoredValues {
  private StoredValues() {}

  /** {@code value} in stored form. */
  public static Object of(Object value) {
    if (value instanceof Double || value instanceof Long || value instanceof Boolean
        || value instanceof String) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value == null) {
      throw new IllegalArgumentException("a stored value cannot be null");
    }
    return String.valueOf(value);
  }

  /**
   * {@code values} in stored form, in the same order: {@code values} itself when every value is
   * already stored form (callers never modify the result), else a copy.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(Map<String, ?> values) {
    boolean stored = true;
    for (Object value : values.values()) {
      stored &= value instanceof Double || value instanceof Long || value instanceof Boolean
          || value instanceof String;
    }
    return stored ? (Map<String, Object>) values : copy(values);
  }

  private static Map<String, Object> copy(Map<String, ?> values) {
    Map<String, Object> stored = new LinkedHashMap<>(values.size() * 2);
    values.forEach((name, value) -> stored.put(name, of(value)));
    return stored;
  }
}
