package dev.tunable.sampler;

import java.util.Objects;

/**
 * The factory expression that rebuilds a sampler, for its {@code toString()}: the factory call,
 * then one {@code with...} call for each setting that differs from its default, in the order
 * they are added.
 */
final class Expression {
  private final StringBuilder text;

  Expression(String factoryCall) {
    this.text = new StringBuilder(factoryCall);
  }

  /** Appends {@code .method(value)} unless {@code value} equals {@code defaultValue}. */
  Expression with(String method, Object value, Object defaultValue) {
    if (!Objects.equals(value, defaultValue)) {
      text.append('.').append(method).append('(').append(value).append(')');
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
