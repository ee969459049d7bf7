package dev.tunable.internal.report;

import java.util.List;

/**
 * One part of the page: a heading, a line saying how to read it (or why it is empty), and its
 * charts.
 *
 * @param id the HTML id, also the class that the browser test finds it by
 */
record Section(String id, String title, String note, List<Figure> figures) {
  Section {
    figures = List.copyOf(figures);
  }

  /** A chart with its caption; {@code svg} is finished markup. */
  record Figure(String caption, String svg) {}

  /** A section with no chart, only {@code note}. */
  static Section empty(String id, String title, String note) {
    return new Section(id, title, note, List.of());
  }
}
