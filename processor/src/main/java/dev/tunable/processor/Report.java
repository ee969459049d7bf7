package dev.tunable.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in one class. Validators add to it and go on, so that a user sees every problem
 * at once; the writers run only when it stays empty.
 */
final class Report {
  private final List<Entry> entries = new ArrayList<>();

  /** One diagnostic, placed on the element, the annotation and the exact value when known. */
  record Entry(
      Message rule, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  void error(Message rule, Element element, Object... args) {
    at(rule, element, null, null, args);
  }

  void error(Message rule, Element element, AnnotationMirror mirror, Object... args) {
    at(rule, element, mirror, null, args);
  }

  void error(
      Message rule, Element element, AnnotationMirror mirror, AnnotationValue value, Object... args) {
    at(rule, element, mirror, value, args);
  }

  private void at(
      Message rule, Element element, AnnotationMirror mirror, AnnotationValue value, Object[] args) {
    entries.add(new Entry(rule, rule.format(args), element, mirror, value));
  }

  /** How many errors have been found so far; validators compare counts to tell a clean field. */
  int size() {
    return entries.size();
  }

  boolean isClean() {
    return entries.isEmpty();
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Prints every entry as a compile error. */
  void printTo(Messager messager) {
    for (Entry entry : entries) {
      print(messager, entry);
    }
  }

  static void print(Messager messager, Entry entry) {
    if (entry.value() != null) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, entry.text(), entry.element(), entry.mirror(), entry.value());
    } else if (entry.mirror() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, entry.text(), entry.element(), entry.mirror());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, entry.text(), entry.element());
    }
  }
}
